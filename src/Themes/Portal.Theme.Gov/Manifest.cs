using Portal.Core.Modules;

[assembly: Theme(Name = "Gov", DisplayName = "Cổng thông tin điện tử (mặc định)")]
