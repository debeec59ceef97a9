// Namespaces nearly every file of the portal uses; the rest are imported where they are needed.
global using AlmatyPortal.Web.Features.Publishing;
global using AlmatyPortal.Web.Infrastructure;
global using AlmatyPortal.Web.Infrastructure.Localization;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Localization;
global using Microsoft.Extensions.Options;
