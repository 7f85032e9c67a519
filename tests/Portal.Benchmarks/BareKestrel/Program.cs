using System.Globalization;
using System.Text;

// Bare Kestrel: answers every GET (and HEAD) path with the same HTML page of exactly N bytes.
// tests/bench/tenant-cost.sh starts it next to the portal, with N = the byte size of the portal's
// home page, so that "portal latency / bare latency" and "portal RSS / bare RSS" compare the
// portal with the cheapest server that sends the same bytes through the same stack.
//
//   dotnet BareKestrel.dll --urls http://127.0.0.1:5081 --size 6000
//   BARE_KESTREL_SIZE=6000 dotnet BareKestrel.dll --urls http://127.0.0.1:5081
//   dotnet BareKestrel.dll --urls http://127.0.0.1:5081 --size 40000 --json   (a JSON body: tests/bench/api.sh)
//
// The slim builder: Kestrel, configuration (command line, environment) and console logging,
// without the extras (IIS integration, static web assets) that a baseline does not need.
const int MaxSize = 64 * 1024 * 1024;
var builder = WebApplication.CreateSlimBuilder(args);
var sizeText = builder.Configuration["size"] ?? Environment.GetEnvironmentVariable("BARE_KESTREL_SIZE");
if (ReadSize(sizeText) is not int size)
{
    await Console.Error.WriteLineAsync($"error: --size must be a whole number of bytes from 1 to {MaxSize}, not '{sizeText}'.");
    return 2;
}

var json = builder.Configuration["json"] is { } jsonFlag && jsonFlag != "false";
var body = json ? FixedJson(size) : FixedPage(size);
var contentType = json ? "application/json; charset=utf-8" : "text/html; charset=utf-8";

// Same log levels as the portal's appsettings.json: no line per request, which would slow the
// baseline down with console writes the portal does not make.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

var app = builder.Build();
app.Run(context =>
{
    var method = context.Request.Method;
    if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
    {
        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        return Task.CompletedTask;
    }

    context.Response.StatusCode = StatusCodes.Status200OK;
    context.Response.ContentType = contentType;
    context.Response.ContentLength = body.Length;
    return HttpMethods.IsHead(method) ? Task.CompletedTask : context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
});

app.Logger.LogInformation("BareKestrel: every GET answers a {Size}-byte {Kind} body.", body.Length, json ? "JSON" : "HTML");
await app.RunAsync();
return 0;

// 6000 bytes when nothing is given; tenant-cost.sh always passes the measured size.
static int? ReadSize(string? text) =>
    string.IsNullOrWhiteSpace(text) ? 6000
    : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxSize ? size
    : null;

// A well-formed page when N allows it, padded with ASCII so that characters and bytes agree;
// below the size of the skeleton, N bytes of filler (a byte count is all the baseline needs).
static byte[] FixedPage(int size)
{
    const string head = "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Bare Kestrel</title></head><body><p>";
    const string tail = "</p></body></html>\n";
    const string filler = "Trang tinh co dinh cho phep do chuan. ";
    var text = new StringBuilder(size);
    var room = size - head.Length - tail.Length;
    if (room < 0)
    {
        return Encoding.ASCII.GetBytes(new string('x', size));
    }

    text.Append(head);
    while (room > 0)
    {
        var piece = room >= filler.Length ? filler : filler[..room];
        text.Append(piece);
        room -= piece.Length;
    }

    text.Append(tail);
    return Encoding.ASCII.GetBytes(text.ToString());
}

// A JSON object of exactly N bytes ({"items":["...", ...]}), N at least 16.
static byte[] FixedJson(int size)
{
    const string head = "{\"items\":[\"";
    const string tail = "\"]}";
    var room = Math.Max(0, size - head.Length - tail.Length);
    return Encoding.ASCII.GetBytes(head + new string('x', room) + tail);
}
