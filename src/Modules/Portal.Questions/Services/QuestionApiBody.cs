using System.Text.Json;
using Portal.Core.Text;

namespace Portal.Questions.Services;

/// <summary>The challenge part of an anonymous <c>POST /api/questions</c>: the ticket's token and the nonce found for it.</summary>
public sealed record QuestionApiChallenge(string? Token, string? Nonce);

/// <summary>The JSON body of <c>POST /api/questions</c>, as the OpenAPI document describes it (the request is read by <see cref="QuestionApiBody"/>).</summary>
public sealed class QuestionApiRequest
{
    public string? SenderName { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Address { get; set; }

    public string? Title { get; set; }

    public string? Content { get; set; }

    /// <summary>The field's slug (one of the form's list).</summary>
    public string? Field { get; set; }

    public bool ConsentToPublish { get; set; }

    public bool ShowName { get; set; }

    /// <summary>Anonymous callers only: <c>{ token, nonce }</c> of a ticket from <c>GET /api/questions/challenge</c>.</summary>
    public QuestionApiChallenge? Challenge { get; set; }
}

/// <summary>
/// Reads the body of <c>POST /api/questions</c> by hand, so that every way a body can be wrong is a
/// 400 naming the field (a wrong JSON type, an unknown or repeated field, text that is not valid
/// Unicode) rather than the serializer's first exception, and so that the field names are the
/// rules' keys. The rules themselves are <see cref="QuestionRules"/>'s, applied by the intake.
/// </summary>
internal static class QuestionApiBody
{
    public const int MaxBytes = 256 * 1024;

    public const int MaxDepth = 8;

    private static readonly string[] TextFields = ["senderName", "email", "phone", "address", "title", "content", "field"];

    private static readonly string[] FlagFields = ["consentToPublish", "showName"];

    public static readonly IReadOnlyList<string> Fields = [.. TextFields, .. FlagFields, "challenge"];

    /// <summary>Parses the body; either a request, or the errors per field (key "" for the body as a whole).</summary>
    public static (QuestionApiRequest? Request, Dictionary<string, List<string>> Errors) Read(ReadOnlyMemory<byte> body)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        // The parser checks UTF-8 only where it reads a value, and a property's name is read later
        // (it throws then): the whole body is checked first.
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            Add(errors, "", "The body is not valid UTF-8.");
            return (null, errors);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false });
        }
        catch (JsonException ex)
        {
            Add(errors, "", "The body is not valid JSON in UTF-8: " + OneLine(ex.Message));
            return (null, errors);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                Add(errors, "", "The body must be a JSON object with the question's fields.");
                return (null, errors);
            }

            var request = new QuestionApiRequest();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var name = property.Name;
                if (!seen.Add(name))
                {
                    Add(errors, name, "appears more than once.");
                    continue;
                }

                if (TextFields.Contains(name))
                {
                    if (ReadText(property.Value, name, errors) is var (ok, text) && ok)
                    {
                        SetText(request, name, text);
                    }
                }
                else if (FlagFields.Contains(name))
                {
                    switch (property.Value.ValueKind)
                    {
                        case JsonValueKind.True or JsonValueKind.False:
                            SetFlag(request, name, property.Value.GetBoolean());
                            break;
                        case JsonValueKind.Null:
                            break;
                        default:
                            Add(errors, name, "must be true or false.");
                            break;
                    }
                }
                else if (name == "challenge")
                {
                    request.Challenge = ReadChallenge(property.Value, errors);
                }
                else
                {
                    Add(errors, Limit(name), $"is not a field of a question ({string.Join(", ", Fields)}).");
                }
            }

            return errors.Count > 0 ? (null, errors) : (request, errors);
        }
    }

    private static (bool Ok, string? Text) ReadText(JsonElement value, string name, Dictionary<string, List<string>> errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return (true, null);
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Add(errors, name, "must be a string.");
            return (false, null);
        }

        string? text;
        try
        {
            text = value.GetString();
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate (\ud800): not text at all.
            text = null;
        }

        if (text is null || !VisitorText.IsAcceptable(text))
        {
            Add(errors, name, "Control characters and invalid Unicode are not allowed.");
            return (false, null);
        }

        return (true, text);
    }

    private static QuestionApiChallenge? ReadChallenge(JsonElement value, Dictionary<string, List<string>> errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Add(errors, "challenge", "must be an object { token, nonce } from GET /api/questions/challenge.");
            return null;
        }

        string? token = null, nonce = null;
        foreach (var part in value.EnumerateObject())
        {
            if (part.Name is not ("token" or "nonce"))
            {
                Add(errors, "challenge." + Limit(part.Name), "is not part of a challenge (token, nonce).");
                continue;
            }

            if (ReadText(part.Value, "challenge." + part.Name, errors) is (true, var text))
            {
                if (part.Name == "token")
                {
                    token = text;
                }
                else
                {
                    nonce = text;
                }
            }
        }

        return new QuestionApiChallenge(token, nonce);
    }

    private static void SetText(QuestionApiRequest request, string name, string? text)
    {
        switch (name)
        {
            case "senderName": request.SenderName = text; break;
            case "email": request.Email = text; break;
            case "phone": request.Phone = text; break;
            case "address": request.Address = text; break;
            case "title": request.Title = text; break;
            case "content": request.Content = text; break;
            case "field": request.Field = text; break;
        }
    }

    private static void SetFlag(QuestionApiRequest request, string name, bool value)
    {
        if (name == "consentToPublish")
        {
            request.ConsentToPublish = value;
        }
        else
        {
            request.ShowName = value;
        }
    }

    public static QuestionSubmission ToSubmission(QuestionApiRequest r) =>
        new(r.SenderName, r.Email, r.Phone, r.Address, r.Title, r.Content, r.Field, r.ConsentToPublish, r.ShowName);

    public static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>An unknown field's name as echoed back: at most 100 characters, no control characters.</summary>
    private static string Limit(string name)
    {
        var clean = new string(name.Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).Take(100).ToArray());
        return clean.Length == 0 ? "(unnamed)" : clean;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
