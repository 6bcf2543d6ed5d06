// The reading room's only script. Every page works without it; it adds suggestions as you type
// (filling the search box's datalist from /api/v1/suggestions) and a button that copies the citation.
(function () {
  'use strict';

  function suggestAsYouType(input) {
    var list = document.getElementById(input.getAttribute('list'));
    var endpoint = input.getAttribute('data-suggestions');
    var timer = null;
    var pending = null;
    var lastAsked = '';

    function show(suggestions) {
      var seen = {};
      var options = document.createDocumentFragment();
      suggestions.forEach(function (suggestion) {
        if (seen[suggestion.value]) {
          return;
        }
        seen[suggestion.value] = true;
        var option = document.createElement('option');
        option.value = suggestion.value; // text, never markup
        option.label = suggestion.kind;
        options.appendChild(option);
      });
      list.replaceChildren(options);
    }

    function ask(typed) {
      if (pending) {
        pending.abort();
      }
      pending = new AbortController();
      fetch(endpoint + '?size=5&q=' + encodeURIComponent(typed), {
        headers: {Accept: 'application/json'},
        signal: pending.signal
      }).then(function (response) {
        return response.ok ? response.json() : {suggestions: []};
      }).then(function (body) {
        if (input.value.trim() === typed) {
          show(body.suggestions || []);
        }
      }).catch(function () {
        // Suggestions are a convenience: a failed or cancelled request leaves the box as it was.
      });
    }

    input.addEventListener('input', function () {
      var typed = input.value.trim();
      clearTimeout(timer);
      if (typed.length < 2 || typed.length > 100 || typed === lastAsked) {
        return;
      }
      timer = setTimeout(function () {
        lastAsked = typed;
        ask(typed);
      }, 150);
    });
  }

  function copyButton(button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        button.textContent = 'Copied';
      }, function () {
        // No clipboard access (a browser setting, or not allowed here): select the text instead.
        var range = document.createRange();
        range.selectNodeContents(source);
        window.getSelection().removeAllRanges();
        window.getSelection().addRange(range);
        button.textContent = 'Selected: press Ctrl+C to copy';
      });
    });
  }

  document.querySelectorAll('input[data-suggestions]').forEach(suggestAsYouType);
  document.querySelectorAll('button[data-copy]').forEach(copyButton);
}());
