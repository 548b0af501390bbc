/**
 * The browser preview's stand-in for the Electron preload: the same
 * `window.kqBridge.invoke` the renderer uses, carried over loopback HTTP.
 */
export const bridgeScript = `'use strict';
(function () {
  async function invoke(channel, input) {
    try {
      const response = await fetch('/api/' + encodeURIComponent(channel), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input === undefined ? {} : input),
      });
      return await response.json();
    } catch (error) {
      return { ok: false, error: { code: 'INTERNAL', message: '无法连接到本机服务：' + String(error) } };
    }
  }
  Object.defineProperty(window, 'kqBridge', { value: Object.freeze({ invoke: invoke }), writable: false });
})();
`
