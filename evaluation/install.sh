#!/usr/bin/env bash
# Install what make_set.py --stage ocr needs: Debian's Tesseract 5 with the Chinese
# traineddata (horizontal and vertical), the CJK fonts the page maker renders with, and
# the pinned Python packages (RapidOCR 3.10.0 ships its PP-OCRv6 ONNX models in the wheel,
# so nothing is downloaded at run time). Debian 12 (bookworm), Python 3.11. Run as root.
set -euo pipefail
cd "$(dirname "$0")"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
  tesseract-ocr=5.3.0-2 \
  tesseract-ocr-chi-sim=1:4.1.0-2 tesseract-ocr-chi-tra=1:4.1.0-2 \
  tesseract-ocr-chi-sim-vert=1:4.1.0-2 tesseract-ocr-chi-tra-vert=1:4.1.0-2 \
  fonts-noto-cjk=1:20220127+repack1-1 \
  fonts-arphic-ukai=0.2.20080216.2-5 fonts-arphic-uming=0.2.20080216.2-11 \
  fonts-wqy-microhei=0.2.0-beta-3.1 > /dev/null
python3 -m pip install --quiet -r requirements.txt
tesseract --version | head -n 1
python3 -c "import importlib.metadata as m; print(*(f\"{p} {m.version(p)}\" for p in (\"rapidocr\", \"onnxruntime\", \"pillow\")))"
