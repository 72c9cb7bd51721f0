/**
 * Magento web API errors: `{"message": "…%1… or %name…", "parameters": [...] | {...}}` with the HTTP
 * status (Magento\Framework\Webapi\ErrorProcessor). Positional placeholders take a list, named ones an object.
 */
export type MagentoErrorParameters = (string | number)[] | Record<string, string | number>;

export class MagentoHttpError extends Error {
  constructor(
    readonly status: number,
    readonly template: string,
    readonly parameters?: MagentoErrorParameters,
    readonly errors?: { message: string; parameters?: MagentoErrorParameters }[],
  ) {
    super(template);
    this.name = 'MagentoHttpError';
  }

  body(): Record<string, unknown> {
    return {
      message: this.template,
      ...(this.errors ? { errors: this.errors } : {}),
      ...(this.parameters === undefined ? {} : { parameters: this.parameters }),
    };
  }
}

export const inputError = (template: string, parameters?: MagentoErrorParameters): MagentoHttpError =>
  new MagentoHttpError(400, template, parameters);

/** NoSuchEntityException::singleField wording. */
export const noSuchEntity = (fieldName: string, fieldValue: string | number): MagentoHttpError =>
  new MagentoHttpError(404, 'No such entity with %fieldName = %fieldValue', {
    fieldName,
    fieldValue: String(fieldValue),
  });

export const entityNotFound = (): MagentoHttpError =>
  new MagentoHttpError(404, "The entity that was requested doesn't exist. Verify the entity and try again.");

export const notAuthorized = (resources: string): MagentoHttpError =>
  new MagentoHttpError(401, "The consumer isn't authorized to access %resources.", { resources });

export const routeNotFound = (): MagentoHttpError => new MagentoHttpError(404, 'Request does not match any route.');

export const requiredField = (fieldName: string): MagentoHttpError =>
  inputError('"%fieldName" is required. Enter and try again.', { fieldName });

export const invalidFieldValue = (fieldName: string, fieldValue: string): MagentoHttpError =>
  inputError('Invalid value of "%value" provided for the %fieldName field.', { fieldName, value: fieldValue });

/** Magento\Framework\Validation\ValidationException (MSI): "Validation Failed" with the reasons in `errors`. */
export const validationFailed = (reasons: string[]): MagentoHttpError =>
  new MagentoHttpError(
    400,
    'Validation Failed',
    undefined,
    reasons.map((message) => ({ message, parameters: [] })),
  );

/**
 * TypeProcessor: a value of the wrong type (`type` in Magento's words: int, float, string, bool, …).
 * Magento answers this one rendered, without placeholders; inside a data object it names the field:
 * `Error occurred during "group_id" processing. The "" value's type is invalid. …`.
 */
export const invalidType = (value: string, type: string, field?: string): MagentoHttpError => {
  const detail = `The "${value}" value's type is invalid. The "${type}" type was expected. Verify and try again.`;
  return inputError(field === undefined ? detail : `Error occurred during "${field}" processing. ${detail}`);
};

/** ServiceInputProcessor: a field the data interface does not have. */
export const unsupportedField = (fieldName: string): MagentoHttpError =>
  inputError('"%fieldName" is not supported. Correct the field name and try again.', { fieldName });
