/** SP-API error bodies: `{"errors":[{code, message, details}]}` (ErrorList in every model). */
export interface ErrorBody {
  errors: { code: string; message: string; details?: string }[];
}

export const errorList = (code: string, message: string, details?: string): ErrorBody => ({
  errors: [{ code, message, ...(details === undefined ? {} : { details }) }],
});

/** Observed 403 bodies (GitHub issues of amzn/selling-partner-api-models #713, #230). */
export const UNAUTHORIZED_INVALID = errorList(
  'Unauthorized',
  'Access to requested resource is denied.',
  'The access token you provided is revoked, malformed or invalid.',
);
export const UNAUTHORIZED_EXPIRED = errorList(
  'Unauthorized',
  'Access to requested resource is denied.',
  'The access token you provided has expired.',
);

/** Observed 429 body (issues #418, #1176). */
export const QUOTA_EXCEEDED = errorList('QuotaExceeded', 'You exceeded your quota for the requested resource.', '');

export const invalidInput = (message: string): ErrorBody => errorList('InvalidInput', message, '');

/** Our pick: Amazon's 404 code string was not observed (reference README §5). */
export const notFound = (message: string): ErrorBody => errorList('NotFound', message, '');

/** The app lacks a restricted role for a requested data set (our pick of body, README "Roles"). */
export const missingRoleError = (why: string): ErrorBody =>
  errorList('Unauthorized', 'Access to requested resource is denied.', `${why}.`);

/** The seller does not sell in a requested marketplace (403; details are our pick). */
export const notParticipating = (marketplaceIds: readonly string[]): ErrorBody =>
  errorList(
    'Unauthorized',
    'Access to requested resource is denied.',
    `The seller is not registered in marketplace(s) ${marketplaceIds.join(', ')}.`,
  );

const INJECTED: Readonly<Record<number, [string, string]>> = {
  400: ['InvalidInput', 'Invalid Input'],
  403: ['Unauthorized', 'Access to requested resource is denied.'],
  404: ['NotFound', 'Resource not found.'],
  413: ['RequestEntityTooLarge', 'The request size exceeded the maximum accepted size.'],
  415: ['UnsupportedMediaType', 'The request payload is in an unsupported format.'],
  429: ['QuotaExceeded', 'You exceeded your quota for the requested resource.'],
  500: ['InternalFailure', 'We encountered an internal error. Please try again.'],
  502: ['BadGateway', 'The service received an invalid response. Please try again.'],
  503: ['ServiceUnavailable', 'Service temporarily unavailable. Please try again later.'],
  504: ['GatewayTimeout', 'The service did not answer in time. Please try again.'],
};

/** Body of an injected error status (fault injection). */
export function injectedError(status: number): ErrorBody {
  const [code, message] = INJECTED[status] ?? (status >= 500 ? INJECTED[500] : INJECTED[400]) ?? ['Error', 'Error'];
  return errorList(code, message, '');
}

/** x-amzn-RateLimit-Limit is declared only on these responses in the models. */
export const carriesRateLimitHeader = (status: number): boolean =>
  (status >= 200 && status < 300) || status === 400 || status === 404;
