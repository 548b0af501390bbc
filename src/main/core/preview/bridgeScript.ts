import { liveTopicNames } from '../../../shared/liveTopics'

/**
 * The browser preview's stand-in for the Electron preload: the same
 * `window.kqBridge.invoke` the renderer uses, carried over loopback HTTP, and
 * `subscribe` over the server-sent events of /events.
 */
export const bridgeScript = `'use strict';
(function () {
  async function post(channel, input, token) {
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
  // Live updates: /events read with fetch() (EventSource cannot send the session header).
  // One stream for the page, opened with the first listener, again with the latest token the
  // page called with, and after a drop (server restarted, session refused) a few seconds later.
  var listeners = new Set();
  var latestToken = null;
  var stream = null;
  var retryTimer = 0;
  // After a drop (the preview restarted), what changed meanwhile is not replayed: every screen loads afresh.
  var dropped = false;
  var allTopics = ${JSON.stringify(liveTopicNames)};
  function tell(change) {
    listeners.forEach(function (listener) {
      try { listener(change); } catch (error) { console.error(error); }
    });
  }
  function parseEvents(text, onEvent) {
    var blocks = text.split('\\n\\n');
    var rest = blocks.pop();
    blocks.forEach(function (block) {
      var event = 'message';
      var data = [];
      block.split('\\n').forEach(function (line) {
        if (line.indexOf('event:') === 0) event = line.slice(6).trim();
        else if (line.indexOf('data:') === 0) data.push(line.slice(line.indexOf('data: ') === 0 ? 6 : 5));
      });
      if (data.length > 0) onEvent(event, data.join('\\n'));
    });
    return rest;
  }
  function closeStream() {
    window.clearTimeout(retryTimer);
    if (stream) stream.abort();
    stream = null;
  }
  function openStream() {
    closeStream();
    if (listeners.size === 0) return;
    var abort = new AbortController();
    stream = abort;
    var token = latestToken;
    var headers = {};
    if (token) headers['Authorization'] = 'Bearer ' + token;
    // Asked first, so that a signed-out page (多用户 on) waits for its login instead of being refused
    // (a refusal would also show up as an error in the browser's console).
    post('auth.status', {}, token)
      .then(function (status) {
        if (stream !== abort) return null;
        if (status.ok && status.value.enabled && !status.value.user) {
          stream = null;
          return null;
        }
        return fetch('/events', { headers: headers, signal: abort.signal, cache: 'no-store' });
      })
      .then(function (response) {
        if (!response) return;
        // The session ended meanwhile: the next call with a new token opens the stream again.
        if (response.status === 401) {
          stream = null;
          return;
        }
        if (!response.ok || !response.body) throw new Error('events ' + response.status);
        if (dropped) tell({ topics: allTopics, byUserId: null, at: '' });
        dropped = false;
        var reader = response.body.getReader();
        var decoder = new TextDecoder();
        var buffer = '';
        function pump() {
          return reader.read().then(function (chunk) {
            if (chunk.done) throw new Error('events ended');
            buffer = parseEvents(buffer + decoder.decode(chunk.value, { stream: true }), function (event, data) {
              if (event !== 'change') return;
              tell(JSON.parse(data));
            });
            return pump();
          });
        }
        return pump();
      })
      .catch(function () {
        if (stream !== abort) return;
        stream = null;
        dropped = true;
        retryTimer = window.setTimeout(openStream, 3000);
      });
  }
  function subscribe(listener) {
    listeners.add(listener);
    if (!stream) openStream();
    return function () {
      listeners.delete(listener);
      if (listeners.size === 0) closeStream();
    };
  }
  function invoke(channel, input, token) {
    var next = typeof token === 'string' && token ? token : null;
    // A login, logout or 切换用户: the stream is the new session's.
    if (next !== latestToken) {
      latestToken = next;
      if (listeners.size > 0) openStream();
    }
    return post(channel, input, token);
  }
  Object.defineProperty(window, 'kqBridge', {
    value: Object.freeze({ invoke: invoke, subscribe: subscribe }),
    writable: false,
  });
})();
`
