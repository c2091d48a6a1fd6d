var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/v1.0/healthz", () => Results.NoContent());
app.Run();
public partial class Program;
