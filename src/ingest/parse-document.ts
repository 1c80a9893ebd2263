/** Bytes of a parsed format (HTML, PDF, DOCX) → title and text, with the text-length limit applied. */
import { AppError } from '../core/errors.js';
import { decodeText, normalizeText, replaceLoneSurrogates } from '../core/decode.js';
import { htmlToText } from './readers/html.js';
import { pdfToText } from './readers/pdf.js';
import { docxToText } from './readers/docx.js';
import { LIMITS } from './limits.js';

export interface ParseRequest {
  format: 'html' | 'pdf' | 'docx';
  bytes: Uint8Array;
  /** The file's name, for messages. */
  name: string;
}

export interface ParseResult {
  title: string | null;
  text: string;
  warnings: string[];
}

export async function parseDocumentBytes(req: ParseRequest): Promise<ParseResult> {
  const buf = Buffer.from(req.bytes.buffer, req.bytes.byteOffset, req.bytes.byteLength);
  let r: { title: string | null; text: string };
  let warnings: string[] = [];
  if (req.format === 'html') {
    const decoded = decodeText(buf, req.name);
    warnings = decoded.warnings;
    r = htmlToText(decoded.text, req.name);
  } else if (req.format === 'pdf') r = await pdfToText(buf, req.name);
  else r = await docxToText(buf, req.name);
  if (r.text.length > LIMITS.textChars) {
    throw new AppError('too_large', `${req.name}: ${r.text.length} characters of text, more than the limit of ${LIMITS.textChars}.`);
  }
  // A PDF's text layer can hold unpaired surrogates, which no UTF-8 store can keep.
  const text = replaceLoneSurrogates(normalizeText(r.text));
  const title = r.title === null ? null : replaceLoneSurrogates(r.title).text;
  if (text.replaced) warnings.push(`${req.name}: ${text.replaced} unpaired UTF-16 surrogates replaced with U+FFFD.`);
  return { title, text: text.text, warnings };
}
