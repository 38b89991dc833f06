/**
 * Image vectors: {@link dev.seer.text.image.ImageEncoder} with an ONNX Runtime implementation for a
 * model file the user supplies ({@link dev.seer.text.image.OnnxImageEncoder}, e.g. an exported CLIP
 * image tower), a model-free colour and texture descriptor ({@link
 * dev.seer.text.image.ColourTextureDescriptor}), and the multimodal item vector ({@link
 * dev.seer.text.image.Multimodal}).
 */
package dev.seer.text.image;
