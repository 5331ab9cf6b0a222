import type { Page } from 'playwright-core';

/** Import: files in, preview, mapping, commit, history with undo. */
export class ImportPage {
  constructor(private readonly page: Page) {}

  // Locators
  get fileInput() {
    return this.page.getByTestId('import-file-input');
  }
  item(fileName: string) {
    return this.page.locator(`[data-testid="import-item"][data-file="${fileName}"]`);
  }
  status(fileName: string) {
    return this.item(fileName).getByTestId('import-status');
  }
  commitButton(fileName: string) {
    return this.item(fileName).getByTestId('import-commit');
  }
  validRowsOnly(fileName: string) {
    return this.item(fileName).getByTestId('valid-rows-only').locator('input');
  }
  problems(fileName: string) {
    return this.item(fileName).getByTestId('import-problems');
  }
  result(fileName: string) {
    return this.item(fileName).getByTestId('import-result');
  }
  mappingEditor(fileName: string) {
    return this.item(fileName).getByTestId('mapping-editor');
  }
  countValue(fileName: string, key: 'countInserted' | 'countUpdated' | 'countUnchanged' | 'countRejected' | 'countWarnings') {
    return this.item(fileName).locator(`[data-count-value="${key}"]`);
  }
  historyRow(fileName: string) {
    return this.page.getByTestId('import-history').locator(`tr[data-file="${fileName}"]`).first();
  }
  get undoRefused() {
    return this.page.getByTestId('undo-refused');
  }
  get dialog() {
    return this.page.getByRole('dialog');
  }

  // Actions
  /** Chooses files with the file chooser (the same bytes a drop would send). */
  async chooseFiles(paths: string[]): Promise<void> {
    await this.fileInput.setInputFiles(paths);
  }

  /** Waits until the preview of the file is shown (or the file was refused as a whole). */
  async waitForPreview(fileName: string): Promise<string> {
    const item = this.item(fileName);
    await item.locator('[data-testid="import-status"], [role="alert"]').first().waitFor({ timeout: 60_000 });
    return (await item.getAttribute('data-status')) ?? '';
  }

  async count(fileName: string, key: Parameters<ImportPage['countValue']>[1]): Promise<number> {
    return Number(((await this.countValue(fileName, key).textContent()) ?? '').replace(/[^\d]/g, ''));
  }

  /** Imports a previewed file; with `validRowsOnly` ticks "import only the valid records" first when offered. */
  async commit(fileName: string, options: { validRowsOnly?: boolean } = {}): Promise<string> {
    if (options.validRowsOnly && (await this.validRowsOnly(fileName).count())) await this.validRowsOnly(fileName).check();
    await this.commitButton(fileName).click();
    await this.result(fileName).waitFor({ timeout: 90_000 });
    return (await this.item(fileName).getAttribute('data-status')) ?? '';
  }

  /** Sets what a sheet column holds in the mapping editor ('' = do not import), by column letter. */
  async mapColumn(fileName: string, letter: string, fieldLabel: string): Promise<void> {
    await this.mappingEditor(fileName).locator(`tr[data-column="${letter}"] [role="combobox"]`).click();
    await this.page.getByRole('option', { name: fieldLabel, exact: true }).click();
  }

  async recalculate(fileName: string): Promise<void> {
    await this.mappingEditor(fileName).getByRole('button').first().click();
  }

  /** Clicks Undo on the newest history row of the file; returns 'confirm' or 'refused'. */
  async startUndo(fileName: string): Promise<'confirm' | 'refused'> {
    await this.historyRow(fileName).getByTestId('import-undo').click();
    await this.dialog.waitFor();
    return (await this.undoRefused.count()) ? 'refused' : 'confirm';
  }

  async confirmDialog(): Promise<void> {
    await this.dialog.getByRole('button').last().click();
    await this.dialog.waitFor({ state: 'detached' });
  }
}
