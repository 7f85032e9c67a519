using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.TestHost;

namespace Portal.Tests.Fuzz;

/// <summary>What a fuzz run found.</summary>
internal sealed class FuzzReport
{
    public int Requests { get; set; }

    public int Endpoints { get; set; }

    public TimeSpan Duration { get; set; }

    public Dictionary<int, int> Statuses { get; } = [];

    public List<string> ServerErrors { get; } = [];

    public List<string> Unhandled { get; } = [];

    public string Summary(int seed) =>
        $"fuzz: seed {seed}, {Requests} requests over {Endpoints} endpoints in {Duration.TotalSeconds:0.0} s; "
        + $"5xx: {ServerErrors.Count}; unhandled exceptions logged or thrown: {Unhandled.Count}; statuses: "
        + string.Join(", ", Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"));
}

/// <summary>Who sends a request: the cookies it carries and the antiforgery token its forms have.</summary>
internal sealed record FuzzIdentity(string Name, string CookieHeader, string Token);

/// <summary>
/// Sends requests built from the endpoint table with malformed route values, query strings, form
/// fields, bodies, hosts and methods, through the test server (so a Host header can be anything),
/// and records every 5xx and every exception that escaped.
/// </summary>
internal sealed class FuzzRunner(TestServer server, IReadOnlyList<FuzzTarget> targets, IReadOnlyList<FuzzIdentity> identities, string prefix)
{
    private const string TokenField = "__RequestVerificationToken";

    public async Task<FuzzReport> RunAsync(int seed, int requests, int parallelism)
    {
        var report = new FuzzReport { Endpoints = targets.Count };
        var stopwatch = Stopwatch.StartNew();
        var next = -1;
        var workers = Enumerable.Range(0, parallelism).Select(async _ =>
        {
            while (true)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= requests)
                {
                    return;
                }

                // One generator per request, seeded from the run's seed and the request's number:
                // the same seed builds the same requests whatever the interleaving.
                var request = Build(new Random(HashCode.Combine(seed, index)));
                int status;
                try
                {
                    var context = await server.SendAsync(request.Apply);
                    status = context.Response.StatusCode;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    lock (report)
                    {
                        report.Unhandled.Add($"{request} threw {e.GetType().Name}: {e.Message}");
                    }

                    status = 0;
                }

                lock (report)
                {
                    report.Requests++;
                    report.Statuses[status] = report.Statuses.GetValueOrDefault(status) + 1;
                    if (status >= 500)
                    {
                        report.ServerErrors.Add($"{status} {request}");
                    }
                }
            }
        });
        await Task.WhenAll(workers);
        report.Duration = stopwatch.Elapsed;
        return report;
    }

    private FuzzRequest Build(Random random)
    {
        var target = targets[random.Next(targets.Count)];
        var identity = identities[random.Next(identities.Count)];
        var method = random.Next(10) == 0 ? Pick(random, FuzzCorpus.OddMethods) : Pick(random, target.Methods);
        var path = (random.Next(5) == 0 ? "/" + prefix : "") + Path(random, target.Pattern);
        var request = new FuzzRequest { Method = method, Path = path, Identity = identity.Name };

        request.Headers["Host"] = random.Next(12) == 0 ? Pick(random, FuzzCorpus.OddHosts) : "localhost";
        if (identity.CookieHeader.Length > 0 && random.Next(20) != 0)
        {
            request.Headers["Cookie"] = identity.CookieHeader;
        }

        if (random.Next(8) == 0)
        {
            request.Headers["Accept"] = Pick(random, ["application/json", "text/html", "*/*", "application/problem+json", "image/png", "", "text/html;q=abc"]);
        }

        if (random.Next(25) == 0)
        {
            request.Headers["X-Forwarded-Host"] = Pick(random, FuzzCorpus.OddHosts);
            request.Headers["X-Forwarded-For"] = Pick(random, ["127.0.0.1", "not-an-ip", "1.2.3.4, 5.6.7.8", "::1", ""]);
            request.Headers["X-Forwarded-Proto"] = Pick(random, ["https", "http", "gopher", "", "HTTPS"]);
        }

        var fields = Fields(random, target);
        var hasBody = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);
        if (!hasBody || random.Next(4) == 0)
        {
            request.Query = Encode(fields.Where(f => f.Name != TokenField), random);
        }

        if (hasBody)
        {
            if (random.Next(8) != 0)
            {
                fields.Add((TokenField, identity.Token, false));
            }

            Body(random, target, request, fields);
        }

        return request;
    }

    private static string Path(Random random, RoutePattern pattern)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        path.Append(random.Next(30) == 0 ? literal.Content.ToUpperInvariant() : literal.Content);
                        break;
                    case RoutePatternSeparatorPart separator:
                        path.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart parameter:
                        var isInt = parameter.ParameterPolicies.Any(p => p.Content?.StartsWith("int", StringComparison.Ordinal) == true);
                        var value = isInt && random.Next(4) != 0
                            ? Pick(random, ["1", "2", "3", "0", "-1", "999999", "2147483647"])
                            : random.Next(30) == 0 ? FuzzCorpus.Huge(random)[..3000] : Pick(random, FuzzCorpus.Values);
                        // Kestrel never delivers a NUL or a lone surrogate in the path: it refuses
                        // the request first. Other characters arrive decoded.
                        value = new string(value.Where(c => c != '\0' && c != '/' && !char.IsSurrogate(c)).ToArray());
                        path.Append(value.Length == 0 && !parameter.IsOptional ? "x" : value);
                        break;
                }
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    private static List<(string Name, string Value, bool Raw)> Fields(Random random, FuzzTarget target)
    {
        var names = target.Fields.Concat(Pick<string[]>(random, [[], [], ["q"], ["page"], ["x[]", "x[0]"], ["a.b", "__proto__"], ["returnUrl"]])).ToList();
        var fields = new List<(string, string, bool)>();
        foreach (var name in names.Where(_ => random.Next(5) != 0))
        {
            var roll = random.Next(100);
            if (roll < 12)
            {
                fields.Add((name, Pick(random, FuzzCorpus.RawEncodings), true));
            }
            else if (roll < 15)
            {
                fields.Add((name, FuzzCorpus.Huge(random), false));
            }
            else if (roll < 27)
            {
                var copies = random.Next(2, 4);
                var arrayName = random.Next(2) == 0 ? name : name + "[]";
                for (var i = 0; i < copies; i++)
                {
                    fields.Add((arrayName, Pick(random, FuzzCorpus.Values), false));
                }
            }
            else if (roll < 30)
            {
                fields.Add((name + "[0]." + Pick(random, ["Name", "x", "[]", ""]), Pick(random, FuzzCorpus.Values), false));
            }
            else
            {
                fields.Add((name, Pick(random, FuzzCorpus.Values), false));
            }
        }

        return fields;
    }

    private static void Body(Random random, FuzzTarget target, FuzzRequest request, List<(string Name, string Value, bool Raw)> fields)
    {
        var roll = random.Next(100);
        if (target.IsApi && roll < 60)
        {
            request.ContentType = random.Next(6) == 0 ? Pick(random, FuzzCorpus.OddContentTypes) : "application/json";
            request.Body = Pick<Func<byte[]>>(random,
            [
                () => Encoding.UTF8.GetBytes("{"), () => Encoding.UTF8.GetBytes("[]"), () => Encoding.UTF8.GetBytes("null"), () => Encoding.UTF8.GetBytes("\"x\""),
                () => Encoding.UTF8.GetBytes("{\"name\":123,\"hosts\":\"x\",\"level\":[]}"),
                () => Encoding.UTF8.GetBytes("{\"name\":\"" + Escape(Pick(random, FuzzCorpus.Values)) + "\",\"displayName\":\"" + Escape(Pick(random, FuzzCorpus.Values)) + "\",\"level\":\"" + Escape(Pick(random, FuzzCorpus.Values)) + "\",\"hosts\":[\"" + Escape(Pick(random, FuzzCorpus.OddHosts)) + "\"]}"),
                () => Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)),
                () => Encoding.UTF8.GetBytes("{\"name\":\"" + FuzzCorpus.Huge(random) + "\"}"),
                () => [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'],
                () => Encoding.UTF8.GetBytes("{\"id\":\"\\u0000\",\"fields\":{\"body\":\"<script>alert(1)</script>\"}}"),
            ])();
            return;
        }

        if (target.TakesFile && roll < 70 || roll < 10)
        {
            var boundary = "----fuzz" + random.Next(1_000_000);
            request.ContentType = random.Next(10) == 0 ? "multipart/form-data" : $"multipart/form-data; boundary={boundary}";
            var body = new MemoryStream();
            void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
            foreach (var (name, value, raw) in fields)
            {
                Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{(raw ? Uri.UnescapeDataString(value) : value)}\r\n");
            }

            var fileField = target.Fields.FirstOrDefault(f => f.Equals("file", StringComparison.OrdinalIgnoreCase)) ?? "File";
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{fileField}\"; filename=\"{Pick(random, ["a.png", "a.pdf", "", "../../x.docx", "tệp.csv", "a.json", "noext"])}\"\r\nContent-Type: {Pick(random, ["image/png", "application/pdf", "text/csv", "", "x/y"])}\r\n\r\n");
            body.Write(Pick<Func<byte[]>>(random,
            [
                () => [], () => "\x89PNG\r\n\x1a\n"u8.ToArray(), () => "%PDF-1.4\n/OpenAction /JS"u8.ToArray(), () => "number,type\n\"unterminated,x\n"u8.ToArray(),
                () => "[{\"id\":1}]"u8.ToArray(), () => [0xFF, 0xFE, 0x00, 0xC3, 0x28], () => Encoding.UTF8.GetBytes(FuzzCorpus.Huge(random)),
            ])());
            Write(random.Next(8) == 0 ? "\r\n--" + boundary : $"\r\n--{boundary}--\r\n");
            request.Body = body.ToArray();
            return;
        }

        request.ContentType = random.Next(10) == 0 ? Pick(random, FuzzCorpus.OddContentTypes) : "application/x-www-form-urlencoded";
        request.Body = Encoding.UTF8.GetBytes(Encode(fields, random));
    }

    private static string Encode(IEnumerable<(string Name, string Value, bool Raw)> fields, Random random) =>
        string.Join(random.Next(20) == 0 ? ";" : "&", fields.Select(f => (random.Next(40) == 0 ? f.Name : Uri.EscapeDataString(f.Name)) + (random.Next(30) == 0 ? "" : "=" + (f.Raw ? f.Value : Uri.EscapeDataString(f.Value)))));

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\0", "\\u0000", StringComparison.Ordinal);

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}

/// <summary>One fuzz request, applied to the test server's HttpContext as raw as it allows.</summary>
internal sealed class FuzzRequest
{
    public string Method { get; set; } = "GET";

    public string Path { get; set; } = "/";

    public string Query { get; set; } = "";

    public string Identity { get; set; } = "";

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? ContentType { get; set; }

    public byte[]? Body { get; set; }

    public void Apply(HttpContext context)
    {
        var request = context.Request;
        request.Method = Method;
        request.Path = new PathString(Path);
        request.QueryString = Query.Length == 0 ? QueryString.Empty : new QueryString("?" + Query);
        foreach (var (name, value) in Headers)
        {
            request.Headers[name] = value;
        }

        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        if (Body is not null)
        {
            if (ContentType is not null)
            {
                request.ContentType = ContentType;
            }

            request.Body = new MemoryStream(Body);
            request.ContentLength = Body.Length;
        }
    }

    public override string ToString()
    {
        var shown = Path.Length > 120 ? Path[..120] + "…" : Path;
        var query = Query.Length > 200 ? Query[..200] + "…" : Query;
        var body = Body is null ? "" : $" body {Body.Length} B {ContentType} {Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 200)).ReplaceLineEndings(" ")}";
        return $"{Method} {shown}{(query.Length > 0 ? "?" + query : "")} host {Headers.GetValueOrDefault("Host")} as {Identity}{body}";
    }
}
