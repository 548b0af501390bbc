/**
 * The browser preview's stand-in for the Electron preload: the same
 * `window.kqBridge.invoke` the renderer uses, carried over loopback HTTP.
 */
export const bridgeScript = `'use strict';
(function () {
  async function invoke(channel, input, token) {
    try {
      const headers = { 'Content-Type': 'application/json' };
      // The session travels as a header, never in the address (which logs keep).
      if (typeof token === 'string' && token) headers['Authorization'] = 'Bearer ' + token;
      const response = await fetch('/api/' + encodeURIComponent(channel), {
        method: 'POST',
        headers: headers,
        body: JSON.stringify(input === undefined ? {} : input),
      });
      // The server's own refusals (too large, wrong host…) are plain Chinese text, not a Result.
      if (!(response.headers.get('Content-Type') || '').startsWith('application/json')) {
        const message = (await response.text()) || '本机服务答复 ' + response.status;
        const code = response.status === 413 ? 'VALIDATION' : response.status === 403 ? 'FORBIDDEN' : response.status === 429 ? 'FORBIDDEN' : 'INTERNAL';
        return { ok: false, error: { code: code, message: message } };
      }
      return await response.json();
    } catch (error) {
      return { ok: false, error: { code: 'INTERNAL', message: '无法连接到本机服务：' + String(error) } };
    }
  }
  Object.defineProperty(window, 'kqBridge', { value: Object.freeze({ invoke: invoke }), writable: false });
})();
`
