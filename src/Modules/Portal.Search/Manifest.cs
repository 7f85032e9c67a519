using Portal.Core.Modules;

[assembly: Feature(
    Id = "Portal.Search",
    Name = "Tìm kiếm",
    Description = "Vietnamese-aware search of every published item: the page /tim-kiem and GET /api/search for a site, and for a site and every site below it (scope=all); synonyms, best bets and the queries that found nothing, per site at /admin/search. The index is the installation's, one per node, kept current from the kernel's search queue.")]
