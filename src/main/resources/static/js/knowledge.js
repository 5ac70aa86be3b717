// Quick replies: a button of the template picker puts its filled-in text into the textarea it names, where the cursor is.
if (!window.tierdeskKnowledge) {
  window.tierdeskKnowledge = true;
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-insert-into]');
    if (!button) {
      return;
    }
    var area = document.getElementById(button.getAttribute('data-insert-into'));
    if (!area) {
      return;
    }
    var text = button.getAttribute('data-text');
    var start = area.selectionStart || 0;
    var end = area.selectionEnd || 0;
    area.value = area.value.slice(0, start) + text + area.value.slice(end);
    area.focus();
    area.selectionStart = area.selectionEnd = start + text.length;
  });
}
