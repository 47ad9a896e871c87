import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { RatesError, type Payload } from './provider.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function declaredEncoding(payload: Payload): string {
  const head = new TextDecoder('latin1').decode(payload.bytes.subarray(0, 200));
  const prolog = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.-]+)["']/i.exec(head)?.[1];
  const header = /charset\s*=\s*"?([\w.-]+)/i.exec(payload.contentType ?? '')?.[1];
  return (prolog ?? header ?? 'utf-8').toLowerCase();
}

function isUtf8WithMultibyte(bytes: Uint8Array): boolean {
  if (!bytes.some((byte) => byte >= 0x80)) return false;
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes an XML payload by the encoding it declares (prolog, then `Content-Type`, then UTF-8).
 * @throws RatesError when the bytes are not in that encoding: invalid UTF-8, or UTF-8 text that
 * claims to be a single-byte encoding such as windows-1251.
 */
export function decodeXml(payload: Payload, source: string): string {
  const encoding = declaredEncoding(payload);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new RatesError(`${source}: unsupported encoding "${encoding}"`);
  }
  if (decoder.encoding !== 'utf-8' && isUtf8WithMultibyte(payload.bytes)) {
    throw new RatesError(
      `${source}: payload declares ${encoding} but its bytes are UTF-8 (wrong encoding)`,
    );
  }
  try {
    return decoder.decode(payload.bytes);
  } catch {
    throw new RatesError(`${source}: payload is not valid ${encoding} (wrong encoding)`);
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
});

/** Parses well-formed XML. @throws RatesError naming the line for malformed or truncated XML. */
export function parseXml(text: string, source: string): Record<string, unknown> {
  try {
    SyntaxValidator.validate(text);
  } catch (error) {
    const { line, message } = error as { line?: number; message: string };
    throw new RatesError(`${source}: malformed or truncated XML (line ${line}: ${message})`);
  }
  return parser.parse(text) as Record<string, unknown>;
}

/** A child that may be one element or a list, as a list. */
export function asList<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
