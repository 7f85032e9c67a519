namespace Portal.Core.Navigation;

public static class Paging
{
    /// <summary>Highest page number honoured; beyond it OFFSET arithmetic would overflow on PostgreSQL.</summary>
    public const int MaxPage = 100_000;

    /// <summary>A page number from a URL, kept between 1 and <see cref="MaxPage"/> (an impossible page shows an empty list).</summary>
    public static int Clamp(int page) => Math.Clamp(page, 1, MaxPage);
}
