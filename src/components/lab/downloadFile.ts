/** Starts the browser's download of `contents` as a file called `name`. */
export function downloadFile(contents: string | Uint8Array<ArrayBuffer>, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([contents], {type}));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the address after click() returns: let the download start before it goes.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
