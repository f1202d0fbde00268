// Relais web: the little behaviour htmx does not give: the live stream, the "new posts" banner,
// @mention / #hashtag / search suggestions, and resetting the composer after publishing.
(function () {
  'use strict';

  // --- live: one EventSource per page, on our own origin (tokens stay on the server) ---
  function startLive() {
    var url = document.body.getAttribute('data-live');
    if (!url || !window.EventSource) { return; }
    var fresh = 0;
    var source = new EventSource(url);
    // feed-service's stream: "feed-item" (a new item for my home feed), "feed-item-removed", "feed-item-updated", "notification", "notifications-taken-back",
    // "notifications-shown-again", "ready" (feed-service's OpenAPI document of GET /api/live describes each;
    // LiveEventsContractTest checks this list)
    source.addEventListener('notification', function (e) {
      htmx.trigger(document.body, 'relais:notification');
      refreshOpenThread(e.data);
    });
    // {ids, unread}: notifications that left my list (their post deleted or hidden, a reaction taken back): the badge
    // reads the count again, and an open notifications list drops them
    source.addEventListener('notifications-taken-back', function (e) {
      htmx.trigger(document.body, 'relais:notification');
      var gone;
      try { gone = JSON.parse(e.data); } catch (ignored) { return; }
      (gone && Array.isArray(gone.ids) ? gone.ids : []).forEach(function (id) {
        var item = document.getElementById('n-' + String(id).substring(String(id).lastIndexOf(':') + 1));
        if (item) { item.parentNode.removeChild(item); }
      });
    });
    // {notifications, unread}: notifications back in my list (a moderator restored their post or comment; a like after
    // an unlike comes as a new "notification" instead): the badge reads the count again, and an open notifications
    // list shows each at its place
    source.addEventListener('notifications-shown-again', function (e) {
      htmx.trigger(document.body, 'relais:notification');
      var back;
      try { back = JSON.parse(e.data); } catch (ignored) { return; }
      (back && Array.isArray(back.notifications) ? back.notifications : []).forEach(insertNotification);
    });
    source.addEventListener('feed-item', function (e) {
      var banner = document.getElementById('new-posts');
      if (!banner || isMine(e.data)) { return; }
      fresh += 1;
      var order = banner.getAttribute('data-order') || 'newest';
      htmx.ajax('GET', '/feed/banner?count=' + fresh + '&order=' + encodeURIComponent(order),
        { target: '#new-posts', swap: 'innerHTML' });
    });
    // {id}: a post or card of my audience was deleted, or hidden from me by moderation: wherever this page shows it (a
    // feed, its thread), it gives way to a line saying so (text, never markup), as a reload would no longer show it
    source.addEventListener('feed-item-removed', function (e) {
      var gone;
      try { gone = JSON.parse(e.data); } catch (ignored) { return; }
      if (!gone || typeof gone.id !== 'string') { return; }
      document.querySelectorAll('article[data-post]').forEach(function (card) {
        if (card.getAttribute('data-post') !== gone.id || !card.parentNode) { return; }
        var note = document.createElement('p');
        note.className = 'item-removed';
        note.setAttribute('role', 'status');
        note.textContent = document.body.getAttribute('data-msg-removed') || '';
        card.parentNode.replaceChild(note, card);
      });
    });
    // {id}: a post or card I still see changed (its writer's edit, its link preview, its system's update): wherever this
    // page shows it, it is read again from the web app (rendered with my rights, never from the event's data)
    source.addEventListener('feed-item-updated', function (e) {
      var changed;
      try { changed = JSON.parse(e.data); } catch (ignored) { return; }
      if (!changed || typeof changed.id !== 'string') { return; }
      document.querySelectorAll('article[data-post]').forEach(function (card) {
        if (card.getAttribute('data-post') === changed.id) { refreshCard(card, changed.id); }
      });
    });
    source.addEventListener('ready', function () { document.body.setAttribute('data-live-ready', 'true'); });
    document.body.addEventListener('click', function (e) {
      if (e.target.closest && e.target.closest('#show-new-posts')) {
        fresh = 0;
        window.setTimeout(function () { var b = document.getElementById('new-posts'); if (b) { b.innerHTML = ''; } }, 0);
      }
    });
    window.addEventListener('beforeunload', function () { source.close(); });
  }

  // a changed post or card shows what the web app now renders of it (GET /posts/{ref}/card, read with my rights): its
  // text or card body, link preview, attachments and its header's marks ("edited", "hidden"); the rest of the card is
  // the page's own and stays as it is (its reactions, its open thread with a reply being typed, its pin and report
  // controls, a "pinned" mark given by the page it is on). A card whose text I am editing is left alone: saving shows it
  var BODY = ':scope > .card-body, :scope > .content, :scope > .link-preview, :scope > .attachments';
  function refreshCard(card, id) {
    if (card.querySelector('form.edit-form')) { return; }
    var ref = id.indexOf('urn:relais:post:') === 0 ? id.substring('urn:relais:post:'.length) : encodeURIComponent(id);
    fetch('/posts/' + ref + '/card', { headers: { 'HX-Request': 'true' }, credentials: 'same-origin' })
      .then(function (r) { return r.status === 200 ? r.text() : ''; })
      .then(function (html) {
        var holder = document.createElement('template');
        holder.innerHTML = html.trim();
        var fresh = holder.content.querySelector('article[data-post]');
        if (!fresh || fresh.getAttribute('data-post') !== id || !card.parentNode || card.querySelector('form.edit-form')) { return; }
        var meta = card.querySelector('.card-head .meta'), freshMeta = fresh.querySelector('.card-head .meta');
        if (meta && freshMeta) {
          var pin = meta.querySelector('.chip.pin');
          if (pin && !freshMeta.querySelector('.chip.pin')) {
            freshMeta.appendChild(document.createTextNode(' · '));
            freshMeta.appendChild(pin);
          }
          meta.parentNode.replaceChild(freshMeta, meta);
        }
        card.querySelectorAll(BODY).forEach(function (part) { part.parentNode.removeChild(part); });
        var head = card.querySelector(':scope > .card-head');
        var at = head ? head.nextSibling : null;
        fresh.querySelectorAll(BODY).forEach(function (part) { card.insertBefore(part, at); });
        htmx.process(card);
      });
  }

  // the stream announces my own new post to me too ("own" among its reasons): publishing put it in place already
  // (or another tab did, where it is news to nobody), so it is not a "new post" to show
  function isMine(data) {
    var item;
    try { item = JSON.parse(data); } catch (ignored) { return false; }
    return !!(item && Array.isArray(item.reasons) && item.reasons.indexOf('own') >= 0);
  }

  // --- live thread: the thread open on a post page has its own stream (feed-service's per-thread subscription), so
  // everyone reading it sees comments arrive, change and go, not only the people notified ---
  function startLiveThreads() {
    if (!window.EventSource) { return; }
    document.querySelectorAll('[data-live-thread]').forEach(function (el) {
      var source = new EventSource(el.getAttribute('data-live-thread'));
      source.addEventListener('comment', function (e) { refreshOpenThread(e.data); });
      source.addEventListener('ready', function () { el.setAttribute('data-live-ready', 'true'); });
      window.addEventListener('beforeunload', function () { source.close(); });
    });
  }

  // --- live comments: a notification about a thread that is open on this page (a reply, a mention, a reaction in it)
  // reloads that thread's first page of comments, unless the person is typing inside the list (a reply or an edit) ---
  function refreshOpenThread(data) {
    var change;
    try { change = JSON.parse(data); } catch (ignored) { return; }
    var post = change && change.post;
    if (!post) { return; }
    document.querySelectorAll('article[data-post]').forEach(function (card) {
      if (card.getAttribute('data-post') !== post) { return; }
      var list = card.querySelector('ol.comments[data-thread]');
      if (!list || list.contains(document.activeElement) || list.querySelector('details[open]')) { return; }
      // a new comment the list already shows (the stream can lag behind the page), or one that belongs after a
      // "show more" not yet opened, changes nothing on screen: reloading the first page would fold pages opened since
      if (change.action === 'created' && change.id && (list.querySelector('li.more-comments')
          || Array.prototype.some.call(list.querySelectorAll('[data-comment]'),
            function (li) { return li.getAttribute('data-comment') === change.id; }))) { return; }
      htmx.ajax('GET', '/posts/' + list.getAttribute('data-thread') + '/comments/list', { target: list, swap: 'outerHTML' });
    });
  }

  // --- a notification back in my list goes back into the list open on the page at its place: newest first by
  // (time, id), as feed-service orders the list; one that belongs on another page of the list is left to that page.
  // The item is rendered by the web app (GET /notifications/item/{id}, read with my own token), never built here
  // from the event's text ---
  function placeIn(list, at, id) {
    var items = list.querySelectorAll('li.notification[data-at]');
    for (var i = 0; i < items.length; i++) {
      var t = Date.parse(items[i].getAttribute('data-at'));
      if (t < at || (t === at && items[i].getAttribute('data-id') < id)) {
        // newer than everything on a later page of the list: it belongs on an earlier page
        return i === 0 && !list.hasAttribute('data-first') ? null : { before: items[i] };
      }
    }
    // older than everything here: at the end, unless a later page holds older ones
    return list.hasAttribute('data-more') ? null : { before: null };
  }
  function insertNotification(n) {
    var list = document.querySelector('#notifications ul.notifications');
    if (!list || !n || !n.id || !n.at) { return; }
    var key = 'n-' + String(n.id).substring(String(n.id).lastIndexOf(':') + 1);
    var at = Date.parse(n.at);
    if (document.getElementById(key) || isNaN(at) || !placeIn(list, at, n.id)) { return; }
    fetch('/notifications/item/' + encodeURIComponent(n.id), { headers: { 'HX-Request': 'true' }, credentials: 'same-origin' })
      .then(function (r) { return r.status === 200 ? r.text() : ''; })
      .then(function (html) {
        var holder = document.createElement('template');
        holder.innerHTML = html.trim();
        var item = holder.content.firstElementChild;
        // the list may have changed while the item was read: its place is found again
        var place = placeIn(list, at, n.id);
        if (!item || !place || document.getElementById(key)) { return; }
        var empty = list.querySelector('li.empty');
        if (empty) { empty.remove(); }
        list.insertBefore(item, place.before);
        htmx.process(item);
      })
      .catch(function () { /* the list shows it on the next reload */ });
  }

  // --- composer: clear it after a successful publish ---
  document.addEventListener('htmx:afterRequest', function (e) {
    var form = e.detail.elt;
    if (form && form.hasAttribute && form.hasAttribute('data-reset-on-success') && e.detail.successful
        && !e.detail.xhr.getResponseHeader('HX-Retarget')) {
      form.reset();
      var empty = document.querySelector('#feed > .empty');
      if (empty) { empty.remove(); }
    }
  });
  // a new action clears the previous status message
  // (a person's action: a form or a button, not the badge or a live refresh)
  document.addEventListener('htmx:beforeRequest', function (e) {
    var flash = document.getElementById('flash');
    var acted = e.detail.elt && e.detail.elt.closest && e.detail.elt.closest('form, button');
    if (flash && acted) { flash.innerHTML = ''; }
    // and the form's own error message (filled by an HX-Retarget answer when the service refused the text)
    var form = e.detail.elt;
    if (form && form.querySelectorAll) { form.querySelectorAll('.field-error').forEach(function (p) { p.textContent = ''; }); }
  });
  // --- a form whose request was refused before the web app could answer in the page (the server's own 413 for a body
  // over its limit, any other 4xx/5xx htmx does not swap) or never sent: the sentence goes into the form's error slot
  // and the typed text stays (htmx swaps nothing, and the composer is only reset on success). As text: never markup ---
  function errorSlotOf(form) {
    if (!form || !form.querySelector) { return null; }
    var described = form.querySelector('[aria-describedby]');
    var slot = described && document.getElementById(described.getAttribute('aria-describedby'));
    return slot || form.querySelector('.field-error');
  }
  function sentence(name) { return document.body.getAttribute('data-msg-' + name) || ''; }
  // a problem+json's own words (detail, fields) are English: only an English page shows them
  function problemDetail(xhr) {
    var type = xhr.getResponseHeader('Content-Type') || '';
    if (type.indexOf('json') < 0 || (document.documentElement.lang || 'en').indexOf('en') !== 0) { return ''; }
    try {
      var problem = JSON.parse(xhr.responseText);
      var fields = (Array.isArray(problem.errors) ? problem.errors : []).map(function (e) {
        return e && e.field ? e.field + ': ' + (e.message || '') : '';
      }).filter(Boolean);
      return [problem.detail || problem.title || ''].concat(fields).filter(Boolean).join(' — ');
    } catch (ignored) { return ''; }
  }
  document.addEventListener('htmx:responseError', function (e) {
    var form = e.detail.elt && e.detail.elt.closest && e.detail.elt.closest('form');
    var xhr = e.detail.xhr, slot = errorSlotOf(form);
    if (!slot || !xhr) { return; }
    slot.textContent = xhr.status === 413 ? sentence('too-large') : problemDetail(xhr) || sentence('refused');
  });
  document.addEventListener('htmx:sendError', function (e) {
    var slot = errorSlotOf(e.detail.elt && e.detail.elt.closest && e.detail.elt.closest('form'));
    if (slot) { slot.textContent = sentence('not-sent'); }
  });
  // a control that goes away with what it acted on (the welcome panel hidden, or done) would leave the focus on
  // <body>, where a keyboard or screen-reader user is lost: it goes to the main region (the skip link's target) instead.
  // Only for a request the person made from the focused control; controls that stay keep their id and htmx refocuses them.
  // (htmx tells a removed element's afterRequest to its closest ancestor still in the page, with detail.elt rewritten:
  // the pressed element is remembered per request)
  var pressed = new WeakMap();
  document.addEventListener('htmx:beforeRequest', function (e) {
    var a = document.activeElement, elt = e.detail.elt;
    if (a && a !== document.body && elt && elt.contains && elt.contains(a)) { pressed.set(e.detail.xhr, elt); }
  });
  document.addEventListener('htmx:afterRequest', function (e) {
    var elt = pressed.get(e.detail.xhr), a = document.activeElement;
    if (!elt || elt.isConnected || (a && a !== document.body)) { return; }
    var main = document.getElementById('main');
    if (main) { main.focus({ preventScroll: true }); }
  });
  // comment toggles say whether the thread is open
  document.addEventListener('htmx:afterSwap', function (e) {
    var t = e.detail.target;
    if (t && t.classList && t.classList.contains('thread')) {
      var toggle = document.querySelector('[aria-controls="' + t.id + '"]');
      if (toggle) { toggle.setAttribute('aria-expanded', 'true'); }
      var input = t.querySelector('.comment-form input[name=content]');
      if (input && e.detail.requestConfig && e.detail.requestConfig.verb === 'get') { input.focus(); }
    }
  });

  // --- suggestions: an accessible listbox under the field ---
  function tokenBefore(field, mode) {
    var upto = field.value.slice(0, field.selectionStart || field.value.length);
    if (mode === 'query') { return { text: upto.trim(), start: 0 }; }
    var m = /(^|\s)([@#][\p{L}\p{N}._-]{1,40})$/u.exec(upto);
    return m ? { text: m[2], start: upto.length - m[2].length } : null;
  }
  function setupSuggest(field) {
    var list = document.getElementById(field.getAttribute('aria-controls'));
    if (!list) { return; }
    var mode = field.getAttribute('data-suggest-mode') || 'mention';
    // asked: the latest request for suggestions; an answer to an older one (typing went on, the list was closed, the
    // form was sent) is dropped rather than reopening the list
    var active = -1, timer = null, token = null, asked = 0;
    // a one-line box is a WAI-ARIA 1.2 combobox (aria-expanded says whether the listbox is open); the composer's textarea
    // may have no other role than textbox (ARIA in HTML), so it has no aria-expanded; on both, aria-activedescendant
    // names the highlighted option (aria-selected="true" on it)
    const combobox = field.tagName !== 'TEXTAREA';
    function close() { window.clearTimeout(timer); asked += 1; list.hidden = true; list.innerHTML = ''; if (combobox) { field.setAttribute('aria-expanded', 'false'); } field.removeAttribute('aria-activedescendant'); active = -1; }
    function options() { return Array.prototype.slice.call(list.querySelectorAll('[role=option]')); }
    function highlight(i) {
      var opts = options();
      opts.forEach(function (o, j) { o.setAttribute('aria-selected', String(i === j)); });
      active = i;
      if (opts[i]) { field.setAttribute('aria-activedescendant', opts[i].id); }
    }
    function choose(opt) {
      var insert = opt.getAttribute('data-insert');
      if (mode === 'query') {
        field.value = insert;
        close();
        if (field.form) { field.form.requestSubmit(); }
        return;
      }
      var v = field.value, end = token.start + token.text.length;
      field.value = v.slice(0, token.start) + insert + ' ' + v.slice(end);
      var caret = token.start + insert.length + 1;
      field.setSelectionRange(caret, caret);
      close();
      field.focus();
    }
    field.addEventListener('input', function () {
      token = tokenBefore(field, mode);
      window.clearTimeout(timer);
      if (!token || token.text.length < 2) { close(); return; }
      timer = window.setTimeout(function () {
        var mine = ++asked;
        fetch(field.getAttribute('data-suggest') + '?q=' + encodeURIComponent(token.text), { headers: { 'HX-Request': 'true' } })
          .then(function (r) { return r.ok ? r.text() : ''; })
          .then(function (html) {
            if (mine !== asked || document.activeElement !== field) { return; }
            var ids = field.id + '-opt-';
            list.innerHTML = html;
            options().forEach(function (o, i) { o.id = ids + i; });
            if (options().length) { list.hidden = false; if (combobox) { field.setAttribute('aria-expanded', 'true'); } highlight(0); } else { close(); }
          })
          .catch(close);
      }, 150);
    });
    field.addEventListener('keydown', function (e) {
      if (list.hidden) { return; }
      var n = options().length;
      if (e.key === 'ArrowDown') { e.preventDefault(); highlight((active + 1) % n); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); highlight((active - 1 + n) % n); }
      else if (e.key === 'Enter' || e.key === 'Tab') { if (active >= 0) { e.preventDefault(); choose(options()[active]); } }
      else if (e.key === 'Escape') { close(); }
    });
    list.addEventListener('mousedown', function (e) {
      var opt = e.target.closest('[role=option]');
      if (opt) { e.preventDefault(); choose(opt); }
    });
    field.addEventListener('blur', function () { window.setTimeout(close, 150); });
    // sending or clearing the form (the composer is reset once published) ends the suggestions
    if (field.form) {
      field.form.addEventListener('submit', close);
      field.form.addEventListener('reset', close);
    }
  }
  function setupAll(root) {
    (root.querySelectorAll ? root : document).querySelectorAll('[data-suggest][aria-controls]').forEach(function (f) {
      if (!f.__relaisSuggest) { f.__relaisSuggest = true; setupSuggest(f); }
    });
  }

  // --- the bottom bar on a phone scrolls sideways when its entries do not fit (relais.css): it opens on the current
  // page's entry, which may lie past the screen's edge (Moderation, My profile for a community manager) ---
  function showCurrentNavEntry() {
    var bar = document.querySelector('nav.mainnav ul');
    var current = bar && bar.querySelector('[aria-current=page]');
    if (!current || bar.scrollWidth <= bar.clientWidth) { return; }
    var b = bar.getBoundingClientRect(), c = current.getBoundingClientRect();
    bar.scrollLeft += (c.left - b.left) - (b.width - c.width) / 2;
  }
  // the browser scrolls a focused entry into view only when it is wholly out of it: one half past the edge stays cut
  document.addEventListener('focusin', function (e) {
    var entry = e.target.closest && e.target.closest('nav.mainnav li');
    if (entry && entry.parentNode.scrollWidth > entry.parentNode.clientWidth) {
      entry.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    setupAll(document);
    showCurrentNavEntry();
    startLive();
    startLiveThreads();
  });
  document.addEventListener('htmx:load', function (e) { setupAll(e.detail.elt); });
})();
