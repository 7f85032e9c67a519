// Forms marked data-confirm ask before they post (deleting, taking an article down). An empty
// value (a form tag helper renders a null attribute as "") asks nothing.
document.querySelectorAll('form[data-confirm]:not([data-confirm=""])').forEach(function (form) {
    form.addEventListener('submit', function (event) {
        if (!window.confirm(form.getAttribute('data-confirm'))) { event.preventDefault(); }
    });
});

// Every textarea[data-rich-text] becomes a HugeRTE editor (installed from npm at build time, served
// by this RCL under lib/hugerte; nothing loads from a CDN). The textarea stays the submitted field:
// the editor writes its HTML back into it on every change and on submit, so the server-side
// sanitizer receives HTML and a form shown again after a validation error keeps the text. The
// editor is loaded only on pages that have such a field (it is ~1 MB of script).
(function () {
    var fields = document.querySelectorAll('textarea[data-rich-text]');
    if (fields.length === 0) { return; }
    // Beside admin.js, whatever prefix the site is served under (?v= is dropped by URL).
    var base = new URL('lib/hugerte', document.currentScript.src).href;
    var script = document.createElement('script');
    script.src = base + '/hugerte.min.js';
    script.onload = function () {
        fields.forEach(function (field) {
            window.hugerte.init({
                target: field,
                base_url: base,
                suffix: '.min',
                // Keep in step with _HugeRtePlugin in Portal.Theme.Admin.csproj (only those are copied).
                plugins: 'lists link table image code autolink',
                toolbar: 'undo redo | blocks | bold italic | bullist numlist | link image table | code',
                block_formats: 'Đoạn văn=p; Tiêu đề 2=h2; Tiêu đề 3=h3; Tiêu đề 4=h4',
                menubar: false,
                // The status bar's element path and resize handle carry ARIA attributes their
                // elements do not allow (axe: aria-allowed-attr, aria-prohibited-attr); the height
                // follows the textarea's rows instead.
                statusbar: false,
                branding: false,
                promotion: false,
                height: Math.max(320, (field.rows || 14) * 24),
                // Vietnamese letters as characters, not &agrave;-style entities; links as typed.
                entity_encoding: 'raw',
                convert_urls: false,
                // The iframe's accessible name: the field's own label.
                iframe_aria_text: labelOf(field),
                setup: function (editor) {
                    editor.on('change input undo redo', function () { editor.save(); });
                }
            });
        });
    };
    document.head.appendChild(script);

    function labelOf(field) {
        var label = field.id && document.querySelector('label[for="' + field.id + '"]');
        return label ? label.textContent.trim() : 'Nội dung';
    }
})();
