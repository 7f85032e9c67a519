// A-/A/A+ text size, remembered on this device (docs/domain.md: text resizing is encouraged).
(function () {
    var key = 'portal.textScale';
    var root = document.documentElement;
    function apply(scale) { root.style.setProperty('--text-scale', String(scale)); }
    var saved = parseFloat(localStorage.getItem(key) || '1');
    if (saved >= 0.85 && saved <= 1.5) { apply(saved); }
    document.querySelectorAll('[data-text-size]').forEach(function (button) {
        button.addEventListener('click', function () {
            var step = parseInt(button.getAttribute('data-text-size'), 10);
            var current = parseFloat(getComputedStyle(root).getPropertyValue('--text-scale')) || 1;
            var next = step === 0 ? 1 : Math.min(1.5, Math.max(0.85, current + step * 0.125));
            apply(next);
            localStorage.setItem(key, String(next));
        });
    });
})();
// "In bài": the print stylesheet hides the site's chrome.
document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
});
