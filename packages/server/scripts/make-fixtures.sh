#!/usr/bin/env bash
# Generates the fake OpenAI's sample media under packages/server/media/:
#   video-<size>-<seconds>s.mp4   real, playable H.264 (yuv420p, +faststart), one per size and length
#   thumbnail-<size>.jpg          a JPEG poster frame, one per size
#   spritesheet-<size>.jpg        a JPEG grid of frames, one per size
# The pattern is a flat background with a moving box, a running clock and a "sora-kit fake" label:
# flat areas compress to almost nothing, so every clip stays small (a few tens of KB).
# Usage: packages/server/scripts/make-fixtures.sh   (needs ffmpeg with libx264 and drawtext)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${OUT_DIR:-$here/../media}"
mkdir -p "$out"

sizes=(1280x720 720x1280 1792x1024 1024x1792 1920x1080 1080x1920)
lengths=(4 8 12)
fps=10
font="${FONT_FILE:-/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf}"
fontopt=""
if [ -f "$font" ]; then fontopt="fontfile=$font:"; fi

# The drawing chain for one size: label, size line, a box sliding left to right, a clock.
filters() {
  local w=$1 h=$2 label=$3
  local fs=$(( (w < h ? w : h) / 12 ))
  local box=$(( (w < h ? w : h) / 6 ))
  echo "drawbox=x='mod(t*${w}/4\,${w})':y=ih*0.62:w=${box}:h=${box}:color=0xf2a541@1:t=fill,\
drawtext=${fontopt}text='sora-kit fake':fontcolor=white:fontsize=${fs}:x=(w-text_w)/2:y=h*0.2,\
drawtext=${fontopt}text='${label}':fontcolor=0x9fb3c8:fontsize=$(( fs / 2 )):x=(w-text_w)/2:y=h*0.2+${fs}*1.4,\
drawtext=${fontopt}text='%{pts\:hms}':fontcolor=white:fontsize=$(( fs / 2 )):x=(w-text_w)/2:y=h*0.85"
}

for size in "${sizes[@]}"; do
  w=${size%x*}
  h=${size#*x}
  for s in "${lengths[@]}"; do
    ffmpeg -hide_banner -loglevel error -y \
      -f lavfi -i "color=c=0x1d2b53:s=${size}:r=${fps}:d=${s}" \
      -vf "$(filters "$w" "$h" "${size} · ${s}s")" \
      -c:v libx264 -preset veryslow -crf 42 -tune animation -pix_fmt yuv420p \
      -g $(( fps * 4 )) -movflags +faststart -an \
      "$out/video-${size}-${s}s.mp4"
  done
  # Poster: one frame, same pattern, as a JPEG.
  ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "color=c=0x1d2b53:s=${size}:r=${fps}:d=1" \
    -vf "$(filters "$w" "$h" "${size}")" -frames:v 1 -q:v 6 \
    "$out/thumbnail-${size}.jpg"
  # Spritesheet: 4x3 frames sampled over 4 s, each scaled to 1/8 width.
  tw=$(( w / 8 / 2 * 2 ))
  ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "color=c=0x1d2b53:s=${size}:r=${fps}:d=4" \
    -vf "$(filters "$w" "$h" "${size}"),fps=3,scale=${tw}:-2,tile=4x3" -frames:v 1 -q:v 6 \
    "$out/spritesheet-${size}.jpg"
done

ls -l "$out"
du -sh "$out"
