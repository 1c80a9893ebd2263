/** PDF → text of its text layer, page by page (unpdf wraps Mozilla's PDF.js for Node). */
import { AppError, errorMessage } from '../../core/errors.js';

export async function pdfToText(buf: Buffer, name: string): Promise<{ title: string | null; text: string }> {
  const { getDocumentProxy, extractText, getMeta } = await import('unpdf');
  let pdf;
  try {
    pdf = await getDocumentProxy(new Uint8Array(buf));
  } catch (err) {
    throw new AppError('unreadable_pdf', `${name}: not a readable PDF (${errorMessage(err)}).`);
  }
  try {
    const { text } = await extractText(pdf, { mergePages: false });
    const pages = (text as string[]).map((p) => p.trim()).filter(Boolean);
    if (pages.length === 0) {
      throw new AppError('no_text', `${name}: the PDF has no text layer (scanned pages need OCR first).`);
    }
    let title: string | null = null;
    try {
      const meta = await getMeta(pdf);
      const t = (meta.info as Record<string, unknown> | undefined)?.Title;
      title = typeof t === 'string' && t.trim() ? t.trim() : null;
    } catch {
      title = null;
    }
    return { title, text: pages.join('\n\n') };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('unreadable_pdf', `${name}: the PDF could not be read (${errorMessage(err)}).`);
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}
