using Portal.Core.Html;

namespace Portal.Tests.Kernel.Html;

/// <summary>A first set of filter-evasion vectors (after OWASP's cheat sheet); none may leave anything executable.</summary>
[Trait("Category", "Fast")]
public sealed class HtmlSanitizerTests
{
    private readonly HtmlSanitizer _sanitizer = new();

    public static TheoryData<string> Vectors =>
    [
        "<script>alert('XSS')</script>",
        "<SCRIPT SRC=http://xss.example/xss.js></SCRIPT>",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<IMG SRC=javascript:alert('XSS')>",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
        "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
        "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
        "<IMG SRC=# onmouseover=\"alert('xxs')\">",
        "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
        "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">",
        "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
        "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
        "<IMG SRC=\"jav\tascript:alert('XSS');\">",
        "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
        "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
        "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
        "<SCRIPT/XSS SRC=\"http://xss.example/xss.js\"></SCRIPT>",
        "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
        "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
        "<iframe src=http://xss.example/scriptlet.html <",
        "<svg/onload=alert('XSS')>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4=\">x</a>",
        "<a href=\"vbscript:msgbox('XSS')\">x</a>",
        "<div style=\"background-image: url(javascript:alert('XSS'))\">x</div>",
        "<TABLE BACKGROUND=\"javascript:alert('XSS')\"><tr><td>x</td></tr></TABLE>",
        "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
        "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://xss.example/scriptlet.html\"></OBJECT>",
        "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==\" AllowScriptAccess=\"always\"></EMBED>",
        "<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->",
        "<BASE HREF=\"javascript:alert('XSS');//\">",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<form action=javascript:alert(1)><button>x</button></form>",
        "<p><a href=\"  JAVASCRIPT :alert(1)\">x</a></p>",
        "<IMG SRC=\"jav&#x0D;ascript:alert('XSS');\">",
        "<IMG SRC=\" javascript:alert('XSS');\">",
        "<SCRIPT a=\">\" SRC=\"httx://xss.example/xss.js\"></SCRIPT>",
        "<IMG DYNSRC=\"javascript:alert('XSS')\">",
        "<IMG LOWSRC=\"javascript:alert('XSS')\">",
        "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
        "<IMG SRC='vbscript:msgbox(\"XSS\")'>",
        "<BGSOUND SRC=\"javascript:alert('XSS');\">",
        "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
        "<STYLE>@import'http://xss.example/xss.css';</STYLE>",
        "<META HTTP-EQUIV=\"Link\" Content=\"<http://xss.example/xss.css>; REL=stylesheet\">",
        "<STYLE>BODY{-moz-binding:url(\"http://xss.example/xssmoz.xml#xss\")}</STYLE>",
        "<IMG STYLE=\"xss:expr/*XSS*/ession(alert('XSS'))\">",
        "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
        "<TABLE><TD BACKGROUND=\"javascript:alert('XSS')\">",
        "<DIV STYLE=\"width: expression(alert('XSS'));\">",
        "<XML ID=\"xss\"><I><B><IMG SRC=\"javas<!-- -->cript:alert('XSS')\"></B></I></XML>",
        "<HTML><BODY><?xml:namespace prefix=\"t\" ns=\"urn:schemas-microsoft-com:time\"><?import namespace=\"t\" implementation=\"#default#time2\"><t:set attributeName=\"innerHTML\" to=\"XSS<SCRIPT DEFER>alert(&quot;XSS&quot;)</SCRIPT>\"></BODY></HTML>",
        "<a href=\"javascript&colon;alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"java&Tab;script:alert(1)\">x</a>",
        "<a href=\"javas&#99;ript:alert(1)\">x</a>",
        "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">x</a>",
        "<details open ontoggle=alert(1)>x</details>",
        "<video><source onerror=\"alert(1)\"></video>",
        "<audio src=x onerror=alert(1)>",
        "<body onload=alert(1)>",
        "<input autofocus onfocus=alert(1)>",
        "<select autofocus onfocus=alert(1)><option>x</option></select>",
        "<textarea autofocus onfocus=alert(1)>x</textarea>",
        "<marquee onstart=alert(1)>x</marquee>",
        "<isindex type=image src=1 onerror=alert(1)>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
        "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<svg><style><img src=x onerror=alert(1)></style></svg>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<img src=x:alert(alt) onerror=eval(src) alt=0>",
        "<div onmouseover=\"alert(1)\" style=\"position:fixed;width:100%;height:100%\">x</div>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<form><button formaction=javascript:alert(1)>X</button></form>",
        "<<img src=x onerror=alert(1)//<",
        "<IMG SRC=\"javascript:alert('XSS')\"",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<template><script>alert(1)</script></template>",
        "<object><param name=\"src\" value=\"javascript:alert(1)\"></object>",
        "<img srcset=\"javascript:alert(1) 1x\">",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<img src=\"/media/1/x.png\" onload=\"alert(1)\">",
        "<a href=\"java\u0000script:alert(1)\">x</a>",
        "<img src=\"x\u0000\" onerror=alert(1)>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"javascript:alert(1)\" xlink:href=\"javascript:alert(1)\">x</a>",
        "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
        "<span data-bind=\"html: alert(1)\" onclick=alert(1)>x</span>",
    ];

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Nothing_executable_survives(string vector)
    {
        var clean = _sanitizer.Sanitize(vector).ToLowerInvariant();

        Assert.DoesNotContain("<script", clean);
        Assert.DoesNotContain("javascript:", clean);
        Assert.DoesNotContain("vbscript:", clean);
        Assert.DoesNotContain("data:", clean);
        Assert.DoesNotMatch(@"<[^>]*\son[a-z]+\s*=", clean);
        Assert.DoesNotContain("<iframe", clean);
        Assert.DoesNotContain("<object", clean);
        Assert.DoesNotContain("<embed", clean);
        Assert.DoesNotContain("<meta", clean);
        Assert.DoesNotContain("<base", clean);
        Assert.DoesNotContain("<svg", clean);
        Assert.DoesNotContain("<form", clean);
        Assert.DoesNotContain("style=", clean);
        Assert.DoesNotContain("background=", clean);
    }

    [Fact]
    public void Ordinary_rich_text_is_kept()
    {
        const string html = "<h2>Tiêu đề</h2><p>Đoạn <strong>đậm</strong> và <em>nghiêng</em>, <a href=\"https://tinh.gov.vn/van-ban\" title=\"Văn bản\">liên kết</a>.</p><ul><li>Một</li></ul><img src=\"/media/anh.jpg\" alt=\"Ảnh hội nghị\" width=\"640\"><table><tr><th scope=\"col\">Cột</th></tr><tr><td>Ô</td></tr></table>";

        var clean = _sanitizer.Sanitize(html);

        Assert.Contains("<h2>Tiêu đề</h2>", clean);
        Assert.Contains("<strong>đậm</strong>", clean);
        Assert.Contains("href=\"https://tinh.gov.vn/van-ban\"", clean);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", clean);
        Assert.Contains("alt=\"Ảnh hội nghị\"", clean);
        Assert.Contains("<th scope=\"col\">Cột</th>", clean);
    }

    [Fact]
    public void There_are_at_least_sixty_vectors() => Assert.True(Vectors.Count >= 60, $"{Vectors.Count} vectors");

    [Fact]
    public void Nothing_executable_survives_and_no_attribute_carries_data()
    {
        foreach (var vector in Vectors)
        {
            var clean = _sanitizer.Sanitize(vector).ToLowerInvariant();
            Assert.DoesNotContain("data-", clean.Split('>').Where(t => t.Contains('<')).Aggregate("", (a, t) => a + t));
            Assert.DoesNotContain("srcset", clean);
            Assert.DoesNotContain("formaction", clean);
            Assert.DoesNotContain("xlink:", clean);
        }
    }

    [Fact]
    public void Editors_figures_media_images_tables_and_links_with_rel_are_kept()
    {
        const string html = "<figure><img src=\"/media/12/hoi-nghi.jpg\" alt=\"Hội nghị\"><figcaption>Toàn cảnh hội nghị</figcaption></figure>"
            + "<table><caption>Kết quả</caption><thead><tr><th scope=\"col\" colspan=\"2\">Xã</th></tr></thead><tbody><tr><td rowspan=\"2\">Hồng Hà</td></tr></tbody></table>"
            + "<p><a href=\"https://chinhphu.vn\" rel=\"license external bogus\">Chính phủ</a> <a href=\"mailto:vp@anhoa.gov.vn\">thư</a> <a href=\"tel:02223888888\">gọi</a></p>";

        var clean = _sanitizer.Sanitize(html);

        Assert.Contains("<figure><img src=\"/media/12/hoi-nghi.jpg\" alt=\"Hội nghị\"><figcaption>Toàn cảnh hội nghị</figcaption></figure>", clean);
        Assert.Contains("<caption>Kết quả</caption>", clean);
        Assert.Contains("<th scope=\"col\" colspan=\"2\">Xã</th>", clean);
        Assert.Contains("<td rowspan=\"2\">Hồng Hà</td>", clean);
        Assert.Contains("rel=\"license external noopener noreferrer nofollow\"", clean);
        Assert.Contains("href=\"mailto:vp@anhoa.gov.vn\"", clean);
        Assert.Contains("href=\"tel:02223888888\"", clean);
    }

    [Theory]
    [InlineData("<img src=\"https://tracker.example/pixel.png\" alt=\"x\">")]
    [InlineData("<img src=\"//tracker.example/pixel.png\" alt=\"x\">")]
    [InlineData("<img src=\"/\\tracker.example/pixel.png\" alt=\"x\">")]
    public void Images_from_other_sites_lose_their_source(string html) =>
        Assert.DoesNotContain("tracker.example", _sanitizer.Sanitize(html));

    [Theory]
    [InlineData("<a href=\"//evil.example/dang-nhap\">x</a>")]
    [InlineData("<a href=\"/\\evil.example/dang-nhap\">x</a>")]
    [InlineData("<a href=\"\\\\evil.example\\dang-nhap\">x</a>")]
    public void Protocol_relative_links_lose_their_address(string html) =>
        Assert.DoesNotContain("evil.example", _sanitizer.Sanitize(html));

    [Fact]
    public void Unknown_elements_are_unwrapped_keeping_their_text()
    {
        Assert.Equal("<p>xin chào</p>", _sanitizer.Sanitize("<p><font color=red>xin chào</font></p>"));
    }

    [Fact]
    public void Deep_nesting_and_huge_text_are_refused_before_parsing()
    {
        Assert.Throws<ArgumentException>(() => _sanitizer.Sanitize(string.Concat(Enumerable.Repeat("<div>", HtmlSanitizer.MaxDepth + 1))));
        Assert.Throws<ArgumentException>(() => _sanitizer.Sanitize(new string('a', HtmlSanitizer.MaxLength + 1)));
        Assert.Equal("<p>a<br>b</p>", _sanitizer.Sanitize("<p>a<br>b</p>" + string.Concat(Enumerable.Repeat("<br>", 1000)))[..13]);
    }
}
