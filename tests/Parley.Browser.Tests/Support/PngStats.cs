namespace Parley.Browser.Tests.Support;

/// <summary>
/// Pixel statistics of a PNG, decoded by the browser itself (data URL → img → canvas), so a screenshot
/// can be checked for real content without an image library.
/// </summary>
public sealed record PngStats(int Width, int Height, int DistinctColours, double ShareUnlikeBackground, double MeanLuminance)
{
    public static async Task<PngStats> MeasureAsync(IPage page, byte[] png)
    {
        var stats = await page.EvaluateAsync<double[]>(Script, "data:image/png;base64," + Convert.ToBase64String(png));
        return new PngStats((int)stats[0], (int)stats[1], (int)stats[2], stats[3], stats[4]);
    }

    // The background is the most common colour; a pixel "differs" when any channel is more than 24 away from it.
    // Luminance is Rec. 709 on 0..1, unlinearised: enough to tell a dark rendering from a light one.
    private const string Script = """
        async (url) => {
          const img = new Image();
          img.src = url;
          await img.decode();
          const canvas = document.createElement("canvas");
          canvas.width = img.naturalWidth;
          canvas.height = img.naturalHeight;
          const ctx = canvas.getContext("2d");
          ctx.drawImage(img, 0, 0);
          const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
          const counts = new Map();
          let luminance = 0;
          for (let i = 0; i < data.length; i += 4) {
            const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
            counts.set(key, (counts.get(key) || 0) + 1);
            luminance += (0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2]) / 255;
          }
          let background = 0, most = -1;
          for (const [key, n] of counts) if (n > most) { most = n; background = key; }
          const br = background >> 16, bg = (background >> 8) & 255, bb = background & 255;
          let unlike = 0;
          for (let i = 0; i < data.length; i += 4) {
            if (Math.abs(data[i] - br) > 24 || Math.abs(data[i + 1] - bg) > 24 || Math.abs(data[i + 2] - bb) > 24) unlike++;
          }
          const pixels = data.length / 4;
          return [canvas.width, canvas.height, counts.size, unlike / pixels, luminance / pixels];
        }
        """;
}
