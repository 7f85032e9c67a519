// "Câu trả lời này có hữu ích không?": the answer page is cached for everyone, so the vote asks for
// this visitor's antiforgery token first, then posts it. Without script the form opens the
// confirmation page, which does the same in two steps.
document.querySelectorAll('form[data-rating]').forEach(function (form) {
    var status = form.parentElement.querySelector('[data-rating-status]');
    form.addEventListener('submit', function (event) {
        var choice = event.submitter && event.submitter.value;
        if (!choice || !window.fetch) { return; }
        event.preventDefault();
        var buttons = form.querySelectorAll('button');
        buttons.forEach(function (b) { b.disabled = true; });
        var url = form.getAttribute('action');
        fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
            .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
            .then(function (t) {
                var body = new URLSearchParams();
                body.set('y', choice);
                body.set('__RequestVerificationToken', t.token);
                return fetch(url, { method: 'POST', body: body, headers: { 'Accept': 'application/json' }, credentials: 'same-origin' });
            })
            .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
            .then(function (result) { status.textContent = result.message; form.hidden = true; })
            .catch(function () {
                status.textContent = 'Chưa gửi được đánh giá, xin thử lại sau.';
                buttons.forEach(function (b) { b.disabled = false; });
            });
    });
});
