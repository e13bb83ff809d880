// Switchboard's reference chat client: everything a web client of /api/v1/chats needs, in one file.
// Contract: README "Conversations". Read it top to bottom:
//   1. the token          – a bearer JWT kept in localStorage; never in a URL the server sees
//   2. the API            – fetch() with the bearer header; errors are RFC 9457 problems
//   3. local ids          – chats and messages get a client_id first (optimistic UI), then their server ids
//   4. the answer stream  – a plain EventSource on the stream_url ticket; Last-Event-ID (or ?after=) resumes it
//   5. the open chat      – polled with If-None-Match, so another tab's answer shows up (cheap 304s)
//   6. actions            – send, stop, edit, regenerate, switch branches
//   7. rendering          – the active branch, built with textContent only (the model's text is never HTML)
'use strict';

const $ = (id) => document.getElementById(id);
const POLL_CHAT_MS = 2000;   // the open chat: an unchanged chat answers 304 with no body
const POLL_LIST_MS = 10000;  // the list: titles arrive asynchronously, other tabs create chats

// ---------------------------------------------------------------------------------------------------------
// 1. The token. `#token=<jwt>` in the address is accepted for the dev token: a fragment never leaves the
// browser, and it is removed from the address at once. A query string would reach server logs: never.
// ---------------------------------------------------------------------------------------------------------
const TOKEN_KEY = 'switchboard.token';

function takeTokenFromFragment() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.has('token')) {
    localStorage.setItem(TOKEN_KEY, fragment.get('token'));
    fragment.delete('token');
    history.replaceState(null, '', '#' + fragment.toString());
  }
}

const token = () => localStorage.getItem(TOKEN_KEY);

/** Who the token says we are, for display only (the server verifies it; this page does not). */
function describeToken(jwt) {
  try {
    const claims = JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return `${claims.upn || claims.sub} @ ${claims.tenant}`;
  } catch (e) {
    return 'a token that is not a JWT';
  }
}

// ---------------------------------------------------------------------------------------------------------
// 2. The API. Every call carries `Authorization: Bearer`. A non-2xx answer is a problem document whose
// `detail` is worth showing; 304 (not modified) is an answer, not an error.
// ---------------------------------------------------------------------------------------------------------
class Problem extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function api(method, path, body, headers = {}) {
  const response = await fetch(path, {
    method,
    headers: {
      Authorization: 'Bearer ' + token(),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 304) return { status: 304 };
  const json = response.status === 204 ? null : await response.json().catch(() => ({}));
  if (!response.ok) throw new Problem(response.status, json || {});
  return { status: response.status, etag: response.headers.get('ETag'), json };
}

// ---------------------------------------------------------------------------------------------------------
// 3. Local ids. A chat or message exists on the page before the server knows it, under a client_id. The
// server answers with its own id (a 64-bit id, always a JSON string: a JS number would lose digits) and
// repeating a client_id returns the same object, so a retry after a lost answer never creates twice.
// ---------------------------------------------------------------------------------------------------------
function localId(prefix) {
  const bytes = crypto.getRandomValues(new Uint8Array(12)); // randomUUID() needs a secure context
  return prefix + '-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

// ---------------------------------------------------------------------------------------------------------
// The page's state. `chat` is the open chat as GET /api/v1/chats/{id} returns it (the active branch in
// `messages`), or a local chat ({id: null, client_id}) not created yet. `streams` holds one RunStream per
// assistant message this page has streamed, keyed by message id, so their text outlives re-renders.
// ---------------------------------------------------------------------------------------------------------
const state = {
  chats: [],           // the list, newest first: ChatView objects, local ones first
  nextBefore: null,    // the list's cursor for older chats
  chat: null,          // the open chat with its messages
  etag: null,          // the open chat's ETag (its version): the poll's If-None-Match
  busy: false,         // a send/edit/regenerate is on its way: polls wait, so they do not undo the optimism
  editing: null,       // the id of the user message being edited
  streams: new Map(),  // assistant message id -> RunStream
};

// ---------------------------------------------------------------------------------------------------------
// 4. The answer stream. The stream_url (`/api/v1/runs/{run}/events?ticket=…`) authorizes itself with a
// short-lived ticket bound to the run, tenant and user, because EventSource cannot send a header. Events:
// `run`, `delta` {text} (only the NEW text), `usage`, then exactly one terminal `done` or `error`. Each has
// `id: <seq>`; when the connection drops, EventSource reconnects by itself and sends `Last-Event-ID`, so
// the server resumes after the last event we got: no gap, no duplicate. Opening a stream without a
// cursor replays the run from its first event, which is how a reloaded page or a second tab rebuilds the
// whole answer exactly.
// ---------------------------------------------------------------------------------------------------------
class RunStream {
  constructor(chatId, messageId, streamUrl) {
    this.chatId = chatId;
    this.messageId = messageId;
    this.text = '';
    this.lastSeq = 0;
    this.status = 'generating';
    this.reconnects = 0;   // how often the stream was cut and resumed (data-reconnects, for the tests)
    this.open(streamUrl);
  }

  open(streamUrl) {
    const url = new URL(streamUrl, location.href);
    if (this.lastSeq > 0) url.searchParams.set('after', this.lastSeq); // a new EventSource has no Last-Event-ID
    this.source = new EventSource(url);
    this.source.addEventListener('delta', (e) => this.accept(e, (data) => { this.text += data.text; }));
    this.source.addEventListener('done', (e) => this.accept(e, (data) => this.end(data.status)));
    // `error` is both the server's terminal event (a MessageEvent with a problem as data) and the
    // EventSource's own signal that the connection dropped (a plain Event).
    this.source.addEventListener('error', (e) => {
      if (e instanceof MessageEvent && e.data) {
        this.accept(e, (problem) => this.end(problem.status || 'failed'));
      } else {
        this.dropped();
      }
    });
  }

  /** Applies an event once: a seq at or below the last one seen was already applied. */
  accept(event, apply) {
    const seq = Number(event.lastEventId);
    if (seq && seq <= this.lastSeq) return;
    this.lastSeq = seq || this.lastSeq;
    apply(JSON.parse(event.data));
    renderStream(this);
  }

  end(status) {
    this.status = status;
    this.source.close(); // or EventSource would reconnect to a finished stream
    renderStream(this);
    pollChat();          // the final status, usage and the cleared generating flag
  }

  dropped() {
    // EventSource retries a dropped connection itself, with Last-Event-ID. It gives up (CLOSED) when an
    // answer is not a stream, e.g. an expired ticket: then the page resumes with a fresh stream_url.
    if (this.source.readyState === EventSource.CLOSED && this.status === 'generating' && navigator.onLine) {
      this.reconnects++;
      setTimeout(() => this.resume(), Math.min(1000 * this.reconnects, 10000));
    }
  }

  /**
   * The browser went offline. An open streaming response does not notice (on a dead network it can hang
   * for minutes), so the page closes it now and resumes after the last seq once the browser is back.
   */
  pause() {
    if (this.status !== 'generating') return;
    this.source.close();
    this.reconnects++;
    renderStream(this);
  }

  /** Reopens the stream after lastSeq with a fresh stream_url (the GET of the chat mints a new ticket). */
  async resume() {
    if (this.status !== 'generating') return;
    try {
      const { json } = await api('GET', `/api/v1/chats/${this.chatId}`);
      const message = json.messages.find((m) => m.id === this.messageId);
      if (message && message.stream_url) {
        this.open(message.stream_url);
      } else {
        // The run ended meanwhile and its stream is closed to us: the stored text is the answer.
        state.streams.delete(this.messageId);
        if (state.chat && state.chat.id === this.chatId) applyChat(json, null);
      }
    } catch (e) {
      if (navigator.onLine) setTimeout(() => this.resume(), 2000);
    }
  }
}

// Offline and back: pause every live stream, then resume each after its last seq.
window.addEventListener('offline', () => state.streams.forEach((stream) => stream.pause()));
window.addEventListener('online', () => state.streams.forEach((stream) => stream.resume()));

/** Streams an assistant message unless this page already does (a second poll, or the sender's own tab). */
function follow(messageId, streamUrl) {
  if (!state.streams.has(messageId)) {
    state.streams.set(messageId, new RunStream(state.chat.id, messageId, streamUrl));
  }
}

// ---------------------------------------------------------------------------------------------------------
// 5. The open chat. GET answers the chat with its active branch and an ETag; polling with If-None-Match
// costs a 304 until something changes (a message, an answer's end, a title, a branch switch in another
// tab). A chat that another tab made answer shows `generating` and its answer streams here too.
// ---------------------------------------------------------------------------------------------------------
async function openChat(id) {
  state.chat = { id, title: '…', messages: [] };
  state.etag = null;
  state.editing = null;
  history.replaceState(null, '', '#chat=' + id);
  render();
  await pollChat();
}

/** While the user is mid-action (sending, editing, holding an unsent message), polls leave the chat alone. */
function holding() {
  return state.busy || state.editing || state.chat.messages.some((m) => m.retry);
}

async function pollChat() {
  const chat = state.chat;
  if (!chat || !chat.id || holding()) return;
  try {
    const answer = await api('GET', `/api/v1/chats/${chat.id}`, undefined,
      state.etag ? { 'If-None-Match': state.etag } : {});
    if (answer.status !== 304 && state.chat === chat && !holding()) applyChat(answer.json, answer.etag);
  } catch (e) {
    if (e instanceof Problem && e.status === 404) notice('That chat does not exist (or is not yours).');
  }
}

function applyChat(chat, etag) {
  state.chat = chat;
  state.etag = etag;
  for (const message of chat.messages) {
    if (message.status === 'generating' && message.stream_url) follow(message.id, message.stream_url);
  }
  const listed = state.chats.find((c) => c.id === chat.id);
  if (listed) Object.assign(listed, chat);
  render();
}

async function loadChats(more = false) {
  try {
    const query = more && state.nextBefore ? `?before=${state.nextBefore}` : '';
    const { json } = await api('GET', '/api/v1/chats' + query);
    const local = state.chats.filter((c) => !c.id);
    state.chats = more ? state.chats.concat(json.chats) : local.concat(json.chats);
    state.nextBefore = json.next_before;
    renderList();
  } catch (e) {
    notice(e instanceof Problem && e.status === 401 ? 'Paste a valid token to see your chats.' : e.message);
  }
}

// ---------------------------------------------------------------------------------------------------------
// 6. Actions. Each shows its result at once under local ids, then maps them to the server's.
// ---------------------------------------------------------------------------------------------------------
function newChat() {
  const chat = { id: null, client_id: localId('chat'), title: 'New chat', messages: [] };
  state.chats.unshift(chat);
  reopenLocal(chat);
  $('prompt').focus();
}

function reopenLocal(chat) {
  state.chat = chat;
  state.etag = null;
  history.replaceState(null, '', '#');
  render();
}

/** Creates the open chat on the server if it exists only here; the same client_id makes a retry safe. */
async function ensureChat() {
  const chat = state.chat;
  if (!chat.id) {
    const { json } = await api('POST', '/api/v1/chats', { client_id: chat.client_id });
    Object.assign(chat, json, { messages: chat.messages });
    history.replaceState(null, '', '#chat=' + chat.id);
  }
  return chat;
}

/**
 * Sends a user message. `parentId` undefined appends under the current leaf; a user message's parent
 * (null for the first message) makes an edit: a sibling of that message, its own new branch.
 */
async function send(content, parentId) {
  const model = $('model').value.trim() || 'sim';
  localStorage.setItem('switchboard.model', model);
  const user = { id: localId('msg'), role: 'user', content, status: 'sending', sibling_ids: [], local: true };
  const assistant = { id: localId('msg'), role: 'assistant', content: '', status: 'generating', model,
    sibling_ids: [], local: true };
  user.client_id = user.id;
  // The optimistic branch: the path up to the parent, then the two new messages.
  const path = state.chat.messages;
  const cut = parentId === undefined ? path.length : path.findIndex((m) => m.id === parentId) + 1;
  state.chat.messages = path.slice(0, cut).concat(user, assistant);
  await submit(() => ({
    path: `/api/v1/chats/${state.chat.id}/messages`,
    body: { ...(parentId === undefined ? {} : { parent_id: parentId }), content, model, client_id: user.client_id },
  }), user, assistant);
}

/** Regenerates an answer: a new sibling of the assistant message, under the same user message. */
async function regenerate(message) {
  const model = $('model').value.trim() || message.model;
  const assistant = { id: localId('msg'), role: 'assistant', content: '', status: 'generating', model,
    sibling_ids: [], local: true };
  const path = state.chat.messages;
  state.chat.messages = path.slice(0, path.indexOf(message)).concat(assistant);
  await submit(() => ({ path: `/api/v1/chats/${state.chat.id}/messages/${message.id}/regenerate`,
    body: { model } }), null, assistant);
}

/** POSTs a send or regenerate and maps the local messages to the ids of the 202 answer. */
async function submit(request, user, assistant) {
  state.busy = true;
  state.editing = null;
  render();
  try {
    await ensureChat();
    const { path, body } = request();
    const { json } = await api('POST', path, body);
    if (user) Object.assign(user, { id: json.user_message.id, status: 'completed', local: false });
    Object.assign(assistant, { id: json.assistant_message.id, run_id: json.run_id, local: false });
    follow(assistant.id, json.stream_url);
    state.chat.generating = true;
  } catch (e) {
    state.chat.messages = state.chat.messages.filter((m) => m !== assistant);
    state.etag = null; // the next poll answers the chat as the server has it
    if (user && !(e instanceof Problem)) {
      // No answer (offline?): the server may or may not have the message. Retry repeats the same
      // client_id, so the server creates it at most once and answers with the same ids.
      user.status = 'unsent';
      user.retry = () => {
        delete user.retry;
        user.status = 'sending';
        state.chat.messages.push(assistant);
        submit(request, user, assistant);
      };
    } else if (user) {
      // Refused (e.g. 409: the chat is answering in another tab): the text goes back into the box.
      state.chat.messages = state.chat.messages.filter((m) => m !== user);
      $('prompt').value = user.content;
    }
    notice(e.message);
  } finally {
    state.busy = false;
    render();
    loadChats();
    pollChat();
  }
}

async function stop() {
  try {
    await api('POST', `/api/v1/chats/${state.chat.id}/stop`);
  } catch (e) {
    notice(e.message);
  }
  pollChat();
}

/** Shows another branch: the server follows the chosen sibling down to a leaf and answers the chat. */
async function switchTo(siblingId) {
  try {
    const { json, etag } = await api('PUT', `/api/v1/chats/${state.chat.id}/current`, { message_id: siblingId });
    applyChat(json, etag);
  } catch (e) {
    notice(e.message);
  }
}

// ---------------------------------------------------------------------------------------------------------
// 7. Rendering. The DOM is rebuilt from `state` on every change but a streamed delta, which only updates
// its own message. data-* attributes expose what a test (or a curious developer) wants to check.
// ---------------------------------------------------------------------------------------------------------
function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

function button(label, onClick, props = {}) {
  return el('button', { type: 'button', textContent: label, onclick: onClick, ...props });
}

function render() {
  renderList();
  const chat = state.chat;
  $('chat-title').textContent = chat ? chat.title || 'New chat' : 'No chat open';
  const answering = Boolean(chat && (chat.generating || chat.messages.some((m) => statusOf(m) === 'generating')));
  $('chat-state').hidden = !answering;
  $('stop').hidden = !(answering && chat.id);
  $('send').disabled = answering || state.busy; // with no chat open, sending starts a new one
  const list = $('messages');
  list.replaceChildren(...(chat ? chat.messages.map((m) => renderMessage(m, answering)) : []));
  list.scrollTop = list.scrollHeight;
}

function renderList() {
  const items = state.chats.map((chat) => {
    const open = state.chat && (chat === state.chat || (chat.id && chat.id === state.chat.id));
    const item = el('li', { className: [open && 'open', chat.generating && 'generating', !chat.id && 'local']
      .filter(Boolean).join(' '), onclick: () => (chat.id ? openChat(chat.id) : reopenLocal(chat)) },
      el('span', { className: 'title', textContent: chat.title || 'New chat' }));
    item.dataset.chatId = chat.id || '';
    item.dataset.generating = Boolean(chat.generating);
    return item;
  });
  $('chat-list').replaceChildren(...items);
  $('more-chats').hidden = !state.nextBefore;
}

/** A streamed message's status is its stream's until the server's answer catches up. */
function statusOf(message) {
  const stream = state.streams.get(message.id);
  return stream && message.status === 'generating' ? stream.status : message.status;
}

function renderMessage(message, answering) {
  const stream = state.streams.get(message.id);
  const node = el('article', { className: 'message' },
    el('header', {},
      el('span', { className: 'role', textContent: message.role }),
      message.role === 'assistant' ? el('span', { className: 'model', textContent: message.model || '' }) : null,
      el('span', { className: 'status', textContent: statusOf(message) === 'completed' ? '' : statusOf(message) }),
      renderSiblings(message, answering)),
    state.editing === message.id ? renderEditor(message) : el('div', { className: 'content',
      // What this page streamed is what it shows; the server's stored text is the same (the tests check).
      textContent: stream ? stream.text : message.content }));
  Object.assign(node.dataset, { messageId: message.id, role: message.role, status: statusOf(message),
    runId: message.run_id || '', source: stream ? 'stream' : 'server', reconnects: stream ? stream.reconnects : 0 });
  if (message.retry) {
    node.append(el('div', { className: 'actions' }, button('Retry', message.retry, { className: 'retry' })));
  } else if (!answering && !message.local && state.editing !== message.id) {
    node.append(el('div', { className: 'actions' }, message.role === 'user'
      ? button('Edit', () => { state.editing = message.id; render(); }, { className: 'edit' })
      : button('Regenerate', () => regenerate(message), { className: 'regenerate' })));
  }
  return node;
}

/** `‹ 2/3 ›`: this message's place among its siblings (edits or regenerations of the same turn). */
function renderSiblings(message, answering) {
  const ids = message.sibling_ids || [];
  if (ids.length < 2) return null;
  const at = message.sibling_index;
  return el('span', { className: 'siblings' },
    button('‹', () => switchTo(ids[at - 1]), { disabled: answering || at === 0, className: 'previous' }),
    el('span', { textContent: ` ${at + 1}/${ids.length} ` }),
    button('›', () => switchTo(ids[at + 1]), { disabled: answering || at === ids.length - 1, className: 'next' }));
}

function renderEditor(message) {
  const input = el('textarea', { rows: 3, value: message.content });
  return el('div', {}, input, el('div', { className: 'actions' },
    button('Send edit', () => send(input.value, message.parent_id ?? null), { className: 'save' }),
    button('Cancel', () => { state.editing = null; render(); })));
}

/** A delta touches only its own message's text: no re-render of the whole chat per token. */
function renderStream(stream) {
  const node = document.querySelector(`.message[data-message-id="${stream.messageId}"]`);
  if (!node) return;
  node.querySelector('.content').textContent = stream.text;
  node.dataset.status = stream.status;
  node.dataset.reconnects = stream.reconnects;
  $('messages').scrollTop = $('messages').scrollHeight;
  if (stream.status !== 'generating') render();
}

function notice(text) {
  $('notice').textContent = text;
  $('notice').hidden = !text;
  clearTimeout(notice.timer);
  notice.timer = setTimeout(() => { $('notice').hidden = true; }, 8000);
}

// ---------------------------------------------------------------------------------------------------------
// Start: take a dev token from the fragment, show who we are, list the chats, reopen `#chat=<id>` (so a
// reload lands on the same chat and its answer keeps streaming), and keep polling.
// ---------------------------------------------------------------------------------------------------------
async function loadModels() {
  try {
    const { json } = await api('GET', '/v1/models');
    $('model-list').replaceChildren(...json.data.map((m) => el('option', { value: m.id })));
  } catch (e) {
    // the model field still takes any alias
  }
}

function start() {
  takeTokenFromFragment();
  $('model').value = localStorage.getItem('switchboard.model') || 'sim';
  $('who').textContent = token() ? 'Signed in as ' + describeToken(token()) : 'No token yet.';
  $('token-form').onsubmit = (e) => {
    e.preventDefault();
    localStorage.setItem(TOKEN_KEY, $('token').value.trim());
    location.reload();
  };
  $('new-chat').onclick = newChat;
  $('more-chats').onclick = () => loadChats(true);
  $('stop').onclick = stop;
  $('composer').onsubmit = (e) => {
    e.preventDefault();
    const content = $('prompt').value.trim();
    if (!content || $('send').disabled) return;
    if (!state.chat) newChat();
    $('prompt').value = '';
    send(content, undefined);
  };
  $('prompt').onkeydown = (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      $('composer').requestSubmit();
    }
  };
  render();
  if (!token()) return;
  loadModels();
  loadChats();
  const open = new URLSearchParams(location.hash.slice(1)).get('chat');
  if (open) openChat(open);
  setInterval(pollChat, POLL_CHAT_MS);
  setInterval(() => loadChats(), POLL_LIST_MS);
}

start();
