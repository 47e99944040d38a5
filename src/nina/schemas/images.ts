import { z } from 'zod';
import { imageStatisticsSchema, type ImageStatistics } from './events';

/**
 * `/image-history` (notes §7.3): the same ImageResponse IMAGE-SAVE carries (§7.2). Index 0 is the
 * oldest frame since NINA started; an item carries no index of its own, its position is its index.
 */
export const imageHistoryItemSchema = imageStatisticsSchema;
export type ImageHistoryItem = ImageStatistics;

export const imageHistorySchema = z.array(imageHistoryItemSchema);

/** `image-history?count=true` answers a bare int. */
export const imageCountSchema = z.number().int().nonnegative();
