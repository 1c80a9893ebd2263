/** DOCX → text with mammoth (paragraphs become blank-line separated), after the ZIP passed the bomb check. */
import { AppError, errorMessage } from '../../core/errors.js';
import { checkZip } from '../zip-check.js';

export async function docxToText(buf: Buffer, name: string): Promise<{ title: string | null; text: string }> {
  checkZip(buf, name);
  const mammoth = (await import('mammoth')).default;
  try {
    const { value } = await mammoth.extractRawText({ buffer: buf });
    return { title: null, text: value };
  } catch (err) {
    throw new AppError('unreadable_docx', `${name}: not a readable DOCX file (${errorMessage(err)}).`);
  }
}
