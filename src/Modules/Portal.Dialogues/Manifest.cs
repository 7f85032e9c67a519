using Portal.Core.Modules;

[assembly: Feature(
    Id = "Portal.Dialogues",
    Name = "Đối thoại trực tuyến",
    Description = "Online dialogues (đối thoại, giao lưu trực tuyến): the event as content, citizens' questions before and during it, the moderator's queue, the guests' answers published in order, the transcript afterwards.")]
