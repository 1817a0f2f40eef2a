# enrollment-intake: one image for the watcher, the workers and the web app.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Tesseract for OCR (English data); nothing else from apt is needed (OpenCV is the headless wheel).
RUN apt-get update \
    && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 intake
WORKDIR /app

COPY pyproject.toml README.md ./
COPY intake ./intake
COPY storage ./storage
COPY workers ./workers
COPY samples ./samples
RUN pip install .

USER intake
ENV INTAKE_STORAGE_URL=file:///home/intake/storage
CMD ["intake", "--help"]
