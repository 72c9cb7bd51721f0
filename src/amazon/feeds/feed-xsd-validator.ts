/**
 * Validates order-feed XML against Amazon's XSDs (copies in test/fixtures/amazon/xsd, see SOURCES.md
 * there) with libxml2 compiled to WebAssembly. The envelope XSD `xsd:include`s the others, so the fs
 * input provider is registered and the schema is parsed with its file URL as base for the includes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { XmlDocument, XmlParseError, XmlValidateError, XsdValidator } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';

const ENVELOPE_XSD = new URL('../../../test/fixtures/amazon/xsd/order-feeds-envelope.xsd', import.meta.url);

let validator: XsdValidator | null = null;

/** Compiled once per process and kept (the schema never changes at runtime). */
function envelopeValidator(): XsdValidator {
  if (validator !== null) return validator;
  xmlRegisterFsInputProviders();
  const path = fileURLToPath(ENVELOPE_XSD);
  const schemaDoc = XmlDocument.fromBuffer(readFileSync(path), { url: path });
  // schemaDoc is kept alive with the validator: libxml2 schemas may point into the parsed schema doc.
  validator = XsdValidator.fromDoc(schemaDoc);
  return validator;
}

/** Empty list = valid; otherwise one message per libxml2 error (with line numbers). */
export function xsdErrors(xml: string): string[] {
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromString(xml);
  } catch (error) {
    if (error instanceof XmlParseError) return error.details.map((d) => `line ${d.line}: ${d.message.trim()}`);
    throw error;
  }
  try {
    envelopeValidator().validate(doc);
    return [];
  } catch (error) {
    if (error instanceof XmlValidateError) return error.details.map((d) => `line ${d.line}: ${d.message.trim()}`);
    throw error;
  } finally {
    doc.dispose();
  }
}
