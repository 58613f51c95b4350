import type { Locator, Page } from '@playwright/test';

/**
 * Số hóa thành phần hồ sơ, after a dossier is received: per paper its scan/import/reuse actions, the page
 * count and the page strip. Page edits go by keyboard (the strip is one tab stop), as a clerk works.
 */
export class PaperScansPage {
  readonly page: Page;
  readonly root: Locator;
  readonly scanner: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('paper-scans');
    this.scanner = this.root.getByRole('combobox', { name: 'Máy quét' });
  }

  paper(index: number): Locator {
    return this.root.getByTestId(`paper-scan-${index}`);
  }

  status(index: number): Locator {
    return this.root.getByTestId(`scan-status-${index}`);
  }

  pageCount(index: number): Locator {
    return this.root.getByTestId(`page-count-${index}`);
  }

  /** The page strip (listbox) of a paper and its thumbnails in order. */
  strip(index: number): Locator {
    return this.paper(index).getByRole('listbox');
  }

  thumbnails(index: number): Locator {
    return this.paper(index).getByTestId('page-thumb');
  }

  pagesStatus(index: number): Locator {
    return this.root.getByTestId(`pages-status-${index}`);
  }

  async scan(index: number): Promise<void> {
    await this.paper(index).getByRole('button', { name: /^(Quét|Quét lại)$/ }).click();
  }

  /** Focuses the strip, then walks to the page (1-based) with the arrow keys. */
  async selectPage(index: number, pageNumber: number): Promise<void> {
    await this.strip(index).getByRole('option', { selected: true }).focus();
    await this.page.keyboard.press('Home');
    for (let step = 1; step < pageNumber; step += 1) await this.page.keyboard.press('ArrowRight');
  }

  /** Picks files with the paper's file picker (the hidden input the "Chọn tệp…" button opens). */
  async chooseFiles(index: number, files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
    await this.paper(index).getByTestId(`file-input-${index}`).setInputFiles(files);
  }

  /** Drops a file onto the paper's row as the browser does for a drag from the desktop. */
  async dropFile(index: number, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const transfer = await this.page.evaluateHandle(
      ({ name, mimeType, bytes }) => {
        const data = new DataTransfer();
        data.items.add(new File([Uint8Array.from(atob(bytes), (char) => char.charCodeAt(0))], name, { type: mimeType }));
        return data;
      },
      { name: file.name, mimeType: file.mimeType, bytes: file.buffer.toString('base64') },
    );
    await this.paper(index).dispatchEvent('dragover', { dataTransfer: transfer });
    await this.paper(index).dispatchEvent('drop', { dataTransfer: transfer });
  }

  reuseSelect(index: number): Locator {
    return this.root.getByTestId(`reuse-select-${index}`);
  }
}
