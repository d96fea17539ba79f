// The admin JSON API (README "Admin JSON API"): same-origin, with the session's CSRF token on every write.
import { ApiError, errorReason } from '../shared/api.js';
import { listQuery } from './state.js';
import { T } from './strings.js';

export function createAdminApi(base, csrf, fetch = globalThis.fetch) {
  async function call(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      headers['X-Parley-CSRF'] = csrf;
    }
    let response;
    try {
      response = await fetch(base + path, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, T.unreachable);
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) throw new ApiError(response.status, errorReason(text) || String(response.status));
    return text ? JSON.parse(text) : null;
  }

  return {
    list: (state) => call('GET', `/comments?${listQuery(state)}`),
    activate: (ids) => call('POST', '/comments/activate', { ids }),
    remove: (ids) => call('POST', '/comments/delete', { ids }),
    edit: (id, fields) => call('PUT', `/comments/${id}`, fields),
    logout: () => call('POST', '/logout'),
    history: (query) => call('GET', `/events?${query}`),
    bans: () => call('GET', '/bans'),
    ban: (comment, kind, action) => call('POST', '/bans', { comment, kind, action }),
    unban: (id) => call('DELETE', `/bans/${id}`).then(() => true),
    webhooks: () => call('GET', '/webhooks'),
    // 204 without a body: true tells success from the null a failed request gives.
    startWebhook: (url) => call('POST', '/webhooks/start', { url }).then(() => true),
    resendWebhook: (url, event) => call('POST', '/webhooks/resend', { url, event }),
  };
}
