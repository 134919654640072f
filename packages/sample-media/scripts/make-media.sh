#!/usr/bin/env bash
# Generates the sample media of @sora-kit/sample-media under media/<clip>/:
#   video-<size>-<seconds>s.mp4   H.264 baseline, yuv420p, +faststart, 4 fps, low bitrate
#   thumbnail-<size>.jpg          the poster frame, 480 px on its long side
#   spritesheet-<size>.jpg        a 4x3 grid of 128 px frames over the first 4 s
# Eight scenes, each from ffmpeg's own generators (lavfi): nothing is downloaded. Every scene is
# drawn at an eighth of the target size and scaled up: smooth pictures compress to a few KB a second.
# Usage: packages/sample-media/scripts/make-media.sh   (needs ffmpeg with libx264)
#        CLIPS='dawn orbit' packages/sample-media/scripts/make-media.sh   (only those scenes)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${OUT_DIR:-$here/../media}"

sizes=(1280x720 720x1280 1792x1024 1024x1792 1920x1080 1080x1920)
lengths=(4 8 12)
fps=4
# Keep in step with CLIPS in src/clips.ts.
clips=(${CLIPS:-dawn lagoon fractal meadow loom carpet aurora orbit})

# The lavfi source of a scene drawn at bw x bh (an eighth of the target size).
scene() {
  local clip=$1 bw=$2 bh=$3 s="s=${2}x${3}:rate=${fps}"
  case "$clip" in
    # A warm sunrise: a radial gradient breathing from orange to violet.
    dawn) echo "gradients=${s}:c0=0xffb347:c1=0xff5e62:c2=0x2b1055:nb_colors=3:type=radial:speed=0.004:seed=7" ;;
    # Shallow water: teal and sea-green bands drifting.
    lagoon) echo "gradients=${s}:c0=0x0b3d91:c1=0x00c9ff:c2=0x92fe9d:c3=0x0b3d91:nb_colors=4:type=linear:speed=0.006:seed=3" ;;
    # A deep zoom into the Mandelbrot set.
    fractal) echo "mandelbrot=${s}:start_scale=3:end_scale=0.3:outer=normalized_iteration_count,gblur=sigma=0.8" ;;
    # Game of life on a dark field, growing green and gold moss.
    meadow) echo "life=s=$((bw / 2))x$((bh / 2)):rate=${fps}:ratio=0.12:seed=11:mold=12:life_color=0xc7f464:death_color=0x0f2b1d:mold_color=0x4ecdc4,scale=${bw}:${bh}:flags=neighbor,gblur=sigma=1.2" ;;
    # A woven pattern (rule 110) scrolling upwards, in rose and plum.
    loom) echo "cellauto=${s}:rule=110:scroll=1:random_fill_ratio=0.5:seed=5,format=rgb24,lutrgb=r='40+val*0.85':g='10+val*0.35':b='60+val*0.55',gblur=sigma=0.8" ;;
    # A Sierpinski carpet sliding by, in indigo and gold.
    carpet) echo "sierpinski=${s}:type=carpet:jump=1:seed=2,format=rgb24,lutrgb=r='30+val*0.8':g='20+val*0.65':b='90+val*0.2'" ;;
    # Northern lights: slow sine waves of green and violet over the night.
    aurora) echo "color=c=black:${s},format=rgb24,geq=r='40+40*sin(X/9+T*0.4)':g='90+80*sin(X/13+Y/17+T*0.3)':b='110+70*sin(Y/11-T*0.2)'" ;;
    # A spiral of magenta and cyan turning.
    orbit) echo "gradients=${s}:c0=0xf72585:c1=0x4361ee:c2=0x4cc9f0:c3=0x3a0ca3:nb_colors=4:type=spiral:speed=0.01:seed=9" ;;
    *) echo "unknown clip $clip" >&2; exit 1 ;;
  esac
}

# The bitrate ceiling for a size, in kbit/s: about 8 per million pixels, plus a floor.
bitrate() { echo $(( $1 * $2 / 120000 + 6 )); }

for clip in "${clips[@]}"; do
  mkdir -p "$out/$clip"
  for size in "${sizes[@]}"; do
    w=${size%x*}
    h=${size#*x}
    bw=$(( w / 8 / 2 * 2 ))
    bh=$(( h / 8 / 2 * 2 ))
    # Softened at the small size: fine detail costs bytes in every frame and shows little.
    src="$(scene "$clip" "$bw" "$bh"),format=gbrp,gblur=sigma=0.7"
    rate=$(bitrate "$w" "$h")
    for s in "${lengths[@]}"; do
      ffmpeg -hide_banner -loglevel error -y -f lavfi -i "$src" -t "$s" \
        -vf "scale=${w}:${h}:flags=bicubic,format=yuv420p" -r "$fps" \
        -c:v libx264 -profile:v baseline -preset slow -crf 48 -maxrate "${rate}k" -bufsize "$(( rate * 3 ))k" -g $(( fps * 6 )) -movflags +faststart -an \
        "$out/$clip/video-${size}-${s}s.mp4"
    done
    # Poster: the frame at 1 s, 480 px on its long side (lists show it small; the video replaces it).
    ffmpeg -hide_banner -loglevel error -y -f lavfi -i "$src" -t 2 \
      -vf "select='gte(t,1)',scale='if(gt(iw,ih),480,-2)':'if(gt(iw,ih),-2,480)':flags=bicubic" -frames:v 1 -q:v 7 \
      "$out/$clip/thumbnail-${size}.jpg"
    # Spritesheet: 12 frames over 4 s, 4 columns by 3 rows, each tile 128 px on its long side
    # (the scrubber's preview shows it 72 px tall).
    ffmpeg -hide_banner -loglevel error -y -f lavfi -i "$src" -t 4 \
      -vf "fps=3,scale='if(gt(iw,ih),128,-2)':'if(gt(iw,ih),-2,128)',tile=4x3" -frames:v 1 -q:v 9 \
      "$out/$clip/spritesheet-${size}.jpg"
  done
  echo "$clip: $(du -sh "$out/$clip" | cut -f1)"
done

du -sh "$out"
