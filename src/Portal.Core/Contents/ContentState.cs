namespace Portal.Core.Contents;

/// <summary>Where a content item is in the editorial workflow (docs/domain.md: reporter → editor → board head → publish).</summary>
public enum ContentState
{
    Draft = 0,
    Submitted = 1,
    Approved = 2,
    Scheduled = 3,
    Published = 4,
    Unpublished = 5,
    Archived = 6,
}
