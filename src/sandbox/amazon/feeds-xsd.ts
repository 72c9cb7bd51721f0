/**
 * XSD validation of order-feed XML for the sandbox, with libxml2 compiled to WebAssembly (the same
 * approach as OrderBridge's src/amazon/feeds/feed-xsd-validator.ts, which the sandbox may not import).
 * Schemas: test/fixtures/amazon/xsd/ (Amazon's XSDs + the team's `order-feeds-envelope.xsd`, see
 * SOURCES.md there).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XmlDocument, XmlParseError, XmlValidateError, XsdValidator } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';
import { AMAZON_FIXTURE_DIR } from './fixture-files.js';

let validator: XsdValidator | null = null;

function envelopeValidator(): XsdValidator {
  if (validator !== null) return validator;
  xmlRegisterFsInputProviders();
  const path = join(AMAZON_FIXTURE_DIR, 'xsd', 'order-feeds-envelope.xsd');
  const schemaDoc = XmlDocument.fromBuffer(readFileSync(path), { url: path });
  validator = XsdValidator.fromDoc(schemaDoc);
  return validator;
}

export interface XsdProblem {
  /** 'parse': not well-formed XML; 'schema': well-formed but not valid. */
  kind: 'parse' | 'schema';
  messages: string[];
}

/** null = valid. */
export function feedXsdProblem(xml: string): XsdProblem | null {
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromString(xml);
  } catch (error) {
    if (error instanceof XmlParseError) {
      return { kind: 'parse', messages: error.details.map((d) => `line ${d.line}: ${d.message.trim()}`) };
    }
    throw error;
  }
  try {
    envelopeValidator().validate(doc);
    return null;
  } catch (error) {
    if (error instanceof XmlValidateError) {
      return { kind: 'schema', messages: error.details.map((d) => `line ${d.line}: ${d.message.trim()}`) };
    }
    throw error;
  } finally {
    doc.dispose();
  }
}
