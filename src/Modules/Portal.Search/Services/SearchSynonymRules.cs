namespace Portal.Search.Services;

/// <summary>What makes a synonym group: 2–10 terms of 1–100 characters with a word each, none twice, none in another group of the site.</summary>
internal static class SearchSynonymRules
{
    public const int MinTerms = 2;
    public const int MaxTerms = 10;
    public const int MaxTermLength = 100;

    /// <summary>The terms of the form's box: one per line (or separated by <c>|</c>), spaces tidied, empty lines dropped.</summary>
    public static List<string> Parse(string? text) =>
        [.. (text ?? "").Split(['\r', '\n', '|'], StringSplitOptions.RemoveEmptyEntries).Select(SearchRefinementText.Tidy).Where(t => t.Length > 0)];

    /// <summary>Why the group cannot be saved (in the editors' words), or null when it can.</summary>
    /// <param name="others">The site's other groups (not the one being edited).</param>
    public static string? Check(IReadOnlyList<string> terms, IEnumerable<IReadOnlyList<string>> others)
    {
        if (terms.Count < MinTerms || terms.Count > MaxTerms)
        {
            return $"Một nhóm gồm từ {MinTerms} đến {MaxTerms} từ hoặc cụm từ, mỗi dòng một từ (đang có {terms.Count}).";
        }

        var mine = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            if (term.Length > MaxTermLength)
            {
                return $"Mỗi từ dài tối đa {MaxTermLength} ký tự: \"{term[..20]}…\" có {term.Length} ký tự.";
            }

            var folded = SearchRefinementText.Normalize(term);
            if (folded.Length == 0)
            {
                return $"\"{term}\" không có chữ hoặc số.";
            }

            if (!mine.TryAdd(folded, term))
            {
                return $"\"{term}\" trùng với \"{mine[folded]}\" trong nhóm (so sánh không phân biệt hoa thường và dấu).";
            }
        }

        foreach (var group in others)
        {
            if (group.FirstOrDefault(t => mine.ContainsKey(SearchRefinementText.Normalize(t))) is { } taken)
            {
                return $"\"{mine[SearchRefinementText.Normalize(taken)]}\" đã có trong nhóm \"{string.Join(" | ", group)}\": hãy sửa nhóm đó thay vì tạo nhóm mới.";
            }
        }

        return null;
    }
}
