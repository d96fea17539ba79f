// The Isso HTTP API as the client uses it (spec/client.md §4), over fetch with credentials.

/**
 * A failed request: `status` 0 means no answer could be read, and then `notAllowed` tells whether the server
 * refuses this website (`[general] host`) rather than being out of reach. `code` is Parley's name for a refusal
 * the reader can act on (`X-Parley-Error`), or null.
 */
export class ApiError extends Error {
  constructor(status, message, notAllowed = false, code = null) {
    super(message);
    this.status = status;
    this.notAllowed = notAllowed;
    this.code = code;
  }
}

/** `key=value` pairs in the given order, null values left out. */
export function query(params) {
  return Object.entries(params)
    .filter(([, v]) => v != null)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
}

const entities = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' ' };

/** The reason in an error body: Isso answers JSON `{"message"}` or a small HTML page with a `<p>`. */
export function errorReason(body) {
  try {
    const parsed = JSON.parse(body);
    if (parsed && typeof parsed.message === 'string') return parsed.message;
  } catch {
    // Not JSON: an HTML error page.
  }
  const paragraph = /<p>([\s\S]*?)<\/p>/i.exec(body);
  const text = paragraph ? paragraph[1] : '';
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (m, name) => entities[name])
    .trim();
}

/**
 * `endpoint` without trailing slash. `setCookie` receives Isso's `X-Set-Cookie` copies;
 * `skew()` is the mean of (client clock − server `Date`) in ms over all answers so far.
 */
export function createApi(endpoint, { fetch = globalThis.fetch, setCookie = () => {}, now = Date.now } = {}) {
  let skewTotal = 0;
  let skewCount = 0;

  // A browser reports a refused CORS answer exactly like an outage. This answer is readable by any page (no
  // cookies), so asking it once something failed tells the two apart.
  async function refused() {
    try {
      const response = await fetch(`${endpoint}/origin-check`, { credentials: 'omit' });
      return (await response.json()).allowed === false;
    } catch {
      return false;
    }
  }

  async function call(method, path, body) {
    const headers = { Accept: 'application/json' };
    // JSON bodies carry the content type Isso's CSRF check wants; bodiless GETs stay simple requests.
    if (method !== 'GET') headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(endpoint + path, {
        method,
        headers,
        credentials: 'include',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new ApiError(0, String(error && error.message ? error.message : error), await refused());
    }
    const date = Date.parse(response.headers.get('Date') ?? '');
    if (!Number.isNaN(date)) {
      skewTotal += now() - date;
      skewCount += 1;
    }
    const cookie = response.headers.get('X-Set-Cookie');
    if (cookie && cookie.startsWith('isso-')) setCookie(cookie);
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      throw new ApiError(response.status, errorReason(text) || `${response.status}`, false, response.headers.get('X-Parley-Error'));
    }
    if (!text) return null;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }

  return {
    skew: () => (skewCount ? skewTotal / skewCount : 0),
    config: () => call('GET', '/config'),
    fetch: (uri, { sort, parent, offset = 0, limit, nestedLimit } = {}) =>
      call('GET', `/?${query({ uri, sort, parent, offset, limit, nested_limit: nestedLimit })}`),
    count: (uris) => call('POST', '/count', uris),
    create: (uri, comment) => call('POST', `/new?${query({ uri })}`, comment),
    preview: (text) => call('POST', '/preview', { text }),
    challenge: () => call('GET', '/challenge'),
    view: (id) => call('GET', `/id/${id}?plain=1`),
    edit: (id, text) => call('PUT', `/id/${id}`, { text }),
    remove: (id) => call('DELETE', `/id/${id}`),
    vote: (id, up) => call('POST', `/id/${id}/${up ? 'like' : 'dislike'}`),
  };
}
