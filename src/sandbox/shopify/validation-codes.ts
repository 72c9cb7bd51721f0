/** Shopify's `extensions.code` for graphql-js validation messages (Shopify's own names, camelCase). */
const CODES: [RegExp, string][] = [
  [/^Cannot query field/, 'undefinedField'],
  [/^Unknown argument/, 'argumentNotAccepted'],
  [/argument ".*" of type ".*" is required/, 'missingRequiredArguments'],
  [/^Field ".*" of required type ".*" was not provided/, 'missingRequiredInputObjectAttribute'],
  [/^Variable "\$.*" of type ".*" used in position expecting/, 'variableMismatch'],
  [/^Variable "\$.*" is not defined/, 'variableNotDefined'],
  [/^Variable "\$.*" is never used/, 'variableNotUsed'],
  [/^Unknown type/, 'undefinedType'],
  [/must have a selection of subfields/, 'selectionMismatch'],
  [/must not have a selection since type/, 'selectionMismatch'],
  [/^Unknown directive/, 'undefinedDirective'],
  [/^(Int|String|Boolean|ID|Float|Enum|Value|Expected value)|cannot represent/, 'argumentLiteralsIncompatible'],
  [/^Unknown fragment/, 'undefinedFragment'],
  [/^Fragment ".*" is never used/, 'useAndDefineFragment'],
];

export function validationCode(message: string): string {
  for (const [pattern, code] of CODES) if (pattern.test(message)) return code;
  return 'validationError';
}
