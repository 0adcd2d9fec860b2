// Pure helpers for the browser tests: which pages exist, which requests leave the site,
// which anchors a page defines. Kept free of Playwright so that vitest can test them.

/** The paths listed in a sitemap.xml, rebased onto the local server. */
export function pathsFromSitemap(xml) {
  const paths = [];
  for (const match of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const url = new URL(match[1].trim());
    paths.push(url.pathname);
  }
  return [...new Set(paths)].sort();
}

/** True when a request goes anywhere but the local test server (data: and blob: URLs stay in the page). */
export function isForeignRequest(requestUrl, baseUrl) {
  const url = new URL(requestUrl);
  if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
  return url.origin !== new URL(baseUrl).origin;
}

/** The element ids that a server-rendered HTML page defines (targets for #fragment links). */
export function anchorsInHtml(html) {
  const ids = new Set();
  // Minified pages leave simple attribute values unquoted, so accept all three forms.
  for (const match of html.matchAll(/\s(?:id|name)=(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    ids.add(decodeHtmlEntities(match[1] ?? match[2] ?? match[3]));
  }
  return ids;
}

function decodeHtmlEntities(text) {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Splits the links found on a page into internal targets (path + optional fragment) and external URLs.
 * Links to other schemes (mailto:, javascript:) are returned as `other` so the caller can reject them.
 */
export function classifyLinks(hrefs, pageUrl, baseUrl) {
  const origin = new URL(baseUrl).origin;
  const internal = [];
  const external = [];
  const other = [];
  for (const href of hrefs) {
    let url;
    try {
      url = new URL(href, pageUrl);
    } catch {
      other.push(href);
      continue;
    }
    if (url.origin === origin) {
      internal.push({path: url.pathname, fragment: decodeURIComponent(url.hash.slice(1))});
    } else if (url.protocol === 'http:' || url.protocol === 'https:') {
      external.push(url.href);
    } else {
      other.push(href);
    }
  }
  return {internal, external, other};
}
