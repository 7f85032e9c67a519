namespace Portal.Taxonomies.Services;

/// <summary>The vocabularies this module keeps, and the content field each is read from.</summary>
internal static class Vocabularies
{
    /// <summary>Free keywords (từ khóa) that editors type on any item with a <c>tags</c> field.</summary>
    public const string Tags = "tags";

    public const int MaxTermsPerItem = 20;

    public const int MaxNameLength = 200;
}
