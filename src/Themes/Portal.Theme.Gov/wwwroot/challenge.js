// The public forms' anti-bot check (Portal.Core.Forms.Challenge; docs/architecture.md, "Public
// forms: anti-bot challenge"). For every form holding a challenge: find the first nonce 0, 1, 2, …
// such that SHA-256(salt + ":" + nonce) starts with `bits` zero bits, in batches so the page stays
// responsive, put it in the form, and hold back a submit pressed before it is found.
(function () {
    'use strict';
    var forms = Array.prototype.filter.call(document.forms, function (form) {
        return form.querySelector('input[name="challengeToken"]') && form.querySelector('input[name="challengeNonce"]');
    });
    if (forms.length === 0) { return; }

    // WebCrypto exists only in a secure context (https, localhost); a site served over plain http
    // uses the small SHA-256 below instead, which is as fast on short inputs.
    var subtle = window.crypto && window.crypto.subtle;
    var encoder = new TextEncoder();
    var batch = 256;

    // A yield to the page that, unlike setTimeout, is not slowed to 4 ms after a few rounds.
    var queue = [];
    var channel = new MessageChannel();
    channel.port1.onmessage = function () { queue.shift()(); };
    function later(run) { queue.push(run); channel.port2.postMessage(0); }

    function zeroBits(bytes) {
        for (var i = 0; i < bytes.length; i++) {
            if (bytes[i] !== 0) { return i * 8 + Math.clz32(bytes[i]) - 24; }
        }
        return bytes.length * 8;
    }

    function hash(text) {
        var data = encoder.encode(text);
        return subtle
            ? subtle.digest('SHA-256', data).then(function (digest) { return new Uint8Array(digest); })
            : Promise.resolve(sha256(data));
    }

    function solve(salt, bits) {
        return new Promise(function (resolve, reject) {
            var next = 0;
            function round() {
                var first = next, work = [];
                for (var n = first; n < first + batch; n++) { work.push(hash(salt + ':' + n)); }
                next = first + batch;
                Promise.all(work).then(function (hashes) {
                    for (var i = 0; i < hashes.length; i++) {
                        if (zeroBits(hashes[i]) >= bits) { resolve(String(first + i)); return; }
                    }
                    later(round);
                }, reject);
            }
            round();
        });
    }

    // SHA-256 (FIPS 180-4) of a byte array, for pages without WebCrypto.
    var K = new Uint32Array([
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]);
    var H = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
    var w = new Uint32Array(64);

    function sha256(data) {
        var length = data.length;
        var blocks = ((length + 8) >> 6) + 1;
        var words = new Uint32Array(blocks * 16);
        for (var i = 0; i < length; i++) { words[i >> 2] |= data[i] << (24 - (i & 3) * 8); }
        words[length >> 2] |= 0x80 << (24 - (length & 3) * 8);
        words[blocks * 16 - 1] = length * 8;
        var s = new Uint32Array(H);
        for (var block = 0; block < words.length; block += 16) {
            for (var t = 0; t < 64; t++) {
                if (t < 16) {
                    w[t] = words[block + t];
                } else {
                    var x = w[t - 15], y = w[t - 2];
                    w[t] = ((x >>> 7 | x << 25) ^ (x >>> 18 | x << 14) ^ (x >>> 3))
                        + ((y >>> 17 | y << 15) ^ (y >>> 19 | y << 13) ^ (y >>> 10))
                        + w[t - 16] + w[t - 7];
                }
            }
            var a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7];
            for (t = 0; t < 64; t++) {
                var t1 = (h + ((e >>> 6 | e << 26) ^ (e >>> 11 | e << 21) ^ (e >>> 25 | e << 7)) + ((e & f) ^ (~e & g)) + K[t] + w[t]) | 0;
                var t2 = (((a >>> 2 | a << 30) ^ (a >>> 13 | a << 19) ^ (a >>> 22 | a << 10)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
                h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
            }
            s[0] += a; s[1] += b; s[2] += c; s[3] += d; s[4] += e; s[5] += f; s[6] += g; s[7] += h;
        }
        var out = new Uint8Array(32);
        for (i = 0; i < 32; i++) { out[i] = s[i >> 2] >>> (24 - (i & 3) * 8); }
        return out;
    }
    forms.forEach(function (form) {
        function field(name) { return form.querySelector('input[name="' + name + '"]'); }
        var box = form.querySelector('.form-challenge');
        var status = form.querySelector('[data-challenge-status]');
        var working = (box && box.getAttribute('data-challenge-working')) || 'Đang kiểm tra chống máy gửi tự động…';
        var ready = (box && box.getAttribute('data-challenge-ready')) || 'Đã sẵn sàng gửi.';
        var done = false, pending = false, submitter = null;
        function say(text) { if (status) { status.textContent = text; } }

        form.addEventListener('submit', function (event) {
            if (done) { return; }
            event.preventDefault();
            pending = true;
            submitter = event.submitter && event.submitter.form === form ? event.submitter : null;
            say(working + ' Biểu mẫu sẽ được gửi ngay khi xong.');
        });

        say(working);
        solve(field('challengeSalt').value, parseInt(field('challengeBits').value, 10) || 0).then(function (nonce) {
            field('challengeNonce').value = nonce;
            say(ready);
        }, function () {
            // Sent anyway, the server shows the form again with its own message.
            say('Chưa hoàn tất được bước kiểm tra chống máy gửi tự động. Hãy tải lại trang.');
        }).then(function () {
            done = true;
            if (pending) {
                if (form.requestSubmit) { form.requestSubmit(submitter || undefined); } else { form.submit(); }
            }
        });
    });
})();
