using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Sandbox.Identity.Data;

/// <summary>
/// The identity service's database: tenants, personas, staff (ASP.NET Core Identity) and
/// OpenIddict's applications, authorizations, scopes and tokens. Services inject this type; the registered instance
/// is <see cref="SqliteIdentityStore"/> or <see cref="PostgresIdentityStore"/>, which own the migrations.
/// </summary>
public class IdentityStore(DbContextOptions options) : IdentityDbContext<StaffUser>(options)
{
    public DbSet<TenantRow> Tenants => Set<TenantRow>();
    public DbSet<Persona> Personas => Set<Persona>();
    public DbSet<GuardianLink> GuardianLinks => Set<GuardianLink>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<TenantRow>(t =>
        {
            t.ToTable("tenants");
            t.Property(x => x.Id).HasMaxLength(64);
            t.Property(x => x.Country).HasMaxLength(2);
        });
        builder.Entity<Persona>(p =>
        {
            p.ToTable("personas");
            p.Property(x => x.Id).HasMaxLength(64);
            p.Property(x => x.NationalId).HasMaxLength(16);
            p.HasIndex(x => new { x.Country, x.NationalId }).IsUnique();
            p.HasIndex(x => x.TenantId);
            p.HasOne<TenantRow>().WithMany().HasForeignKey(x => x.TenantId);
            p.Property(x => x.PreferredLanguage).HasMaxLength(2);
        });
        builder.Entity<GuardianLink>(g =>
        {
            g.ToTable("persona_guardians");
            g.HasKey(x => new { x.GuardianId, x.ChildId });
            g.HasIndex(x => x.ChildId);
            g.HasOne<Persona>().WithMany().HasForeignKey(x => x.GuardianId).OnDelete(DeleteBehavior.Cascade);
            g.HasOne<Persona>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<StaffUser>(u =>
        {
            u.Property(x => x.TenantId).HasMaxLength(64);
            u.HasIndex(x => x.TenantId);
            u.HasOne<TenantRow>().WithMany().HasForeignKey(x => x.TenantId);
        });
    }
}
