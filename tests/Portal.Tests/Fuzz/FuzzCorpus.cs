namespace Portal.Tests.Fuzz;

/// <summary>The malformed values the fuzzer sends: wrong types, broken encodings, control characters, sizes, injections.</summary>
internal static class FuzzCorpus
{
    /// <summary>Values as text (percent-encoded when sent, so they arrive exactly so).</summary>
    public static readonly string[] Values =
    [
        "", " ", "0", "-1", "1", "2", "999999", "2147483647", "2147483648", "-2147483649", "99999999999999999999999",
        "1.5", "1,5", "1e309", "-0", "NaN", "Infinity", "0x1F", "true", "false", "yes", "no", "on", "2", "[]", "{}", "null", "undefined",
        "'", "\"", "`", "' OR '1'='1", "1; DROP TABLE \"Tenants\";--", "1 UNION SELECT NULL,NULL--", "%", "%%", "\\", "\\\\", "/", "//", "../../etc/passwd", "..\\..\\",
        "*", "?", "title:*", "\"không đóng", "a AND (", "(((", "~", "a~2", "b^10", "[a TO", "{* TO *}", "+-&&||!(){}[]^\"~*?:\\/", "AND", "OR NOT",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "//evil.example", "http://evil.example/", "data:text/html,x",
        "\u0000", "a\u0000b", "\u0001\u0002\u001f", "\t", "\r\n", "\u001b[31m", "\u007f", "\u0085", "\u2028", "\u202e", "\ufeff", "\ufffd", "\ufffe",
        "😀", "𝟘𝟙", "đ", "Đường Trần Hưng Đạo", "Nghị định 15/2020/NĐ-CP", "12/QĐ-UBND", "Thủ tục hành chính", "中文", "العربية",
        "2026-02-30", "2026-13-01", "31/12/9999", "0001-01-01", "9999-12-31T23:59:59Z", "00:00", "2026-01-01T25:61:61",
        "xn--", "xn--a", "CON", "NUL", "aux.txt", ".", "..", "~", "@", "#", "&", "=", "+", ";", ",", "a b",
        "00000000-0000-0000-0000-000000000000", "xa-fuzz", "Draft", "Published", "Commune", "Province", "news", "page", "legal-document", "procedure",
    ];

    /// <summary>Raw query or form fragments that are not valid percent-encoding or UTF-8, sent as bytes.</summary>
    public static readonly string[] RawEncodings =
    [
        "%", "%Z", "%ZZ", "%C3%28", "%E2%82", "%F0%28%8C%BC", "%ED%A0%80", "%C0%AF", "%FF%FE", "%00", "%0D%0A", "%u0041", "%%32%65", "%2e%2e%2f", "+%2B+",
    ];

    public static readonly string[] OddMethods = ["PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "BREW", "PROPFIND", "GET", "POST"];

    public static readonly string[] OddHosts =
    [
        "evil.example", "xn--", "xn--a", "xn--zz.example", "localhost:99999", "localhost:abc", "[::1]", "[::1]:5000", "LOCALHOST", "localhost.", "a..b", "-a-.example",
        "127.0.0.1", "0.0.0.0", "256.256.256.256", "localhost:0", "localhost,evil.example", "", "xa" + new string('x', 300) + ".vn", "xafuzz.tinh.gov.vn", "XAFUZZ.TINH.GOV.VN",
    ];

    public static readonly string[] OddContentTypes =
    [
        "text/plain", "application/json", "application/xml", "multipart/form-data", "multipart/form-data; boundary=", "application/x-www-form-urlencoded; charset=bogus",
        "application/octet-stream", "*/*", "", "application/json; charset=utf-7",
    ];

    /// <summary>A very long value, of ASCII or of Vietnamese letters.</summary>
    public static string Huge(Random random) => random.Next(2) == 0 ? new string('a', random.Next(5_000, 70_000)) : string.Concat(Enumerable.Repeat("đường ", random.Next(1_000, 12_000)));
}
