// htmx requests that change data carry the console's CSRF token, like the forms do.
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// A part that shows its own refusals (data-swap-refusals) is replaced by the 4xx answer that words them, as a form's
// page would be; htmx leaves other error answers unswapped.
document.addEventListener("htmx:beforeSwap", function (event) {
  var status = event.detail.xhr.status;
  if (status >= 400 && status < 500 && event.detail.target && event.detail.target.closest("[data-swap-refusals]")) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});

// "Select all on this page" (data-select-all) ticks or clears every row's box of the table it heads.
document.addEventListener("change", function (event) {
  if (event.target.matches("[data-select-all]")) {
    event.target.closest("table").querySelectorAll("input.bulk-pick").forEach(function (box) {
      box.checked = event.target.checked;
    });
  }
});
