/**
 * Text widths for the map's layout, measured with the page's own font so node boxes and
 * label gaps fit what is drawn. Sizes match `scenario-map.ts`: ids bold 14px, the rest 12px.
 */
export function canvasMeasure(): (text: string, bold: boolean) => number {
  const context = document.createElement('canvas').getContext('2d');
  const family = getComputedStyle(document.documentElement).getPropertyValue('--font-body').trim() || 'sans-serif';
  return (text, bold) => {
    // Without a canvas (it can be switched off), a generous estimate still keeps text inside.
    if (!context) return text.length * (bold ? 9 : 7.5);
    context.font = bold ? `700 14px ${family}` : `12px ${family}`;
    return context.measureText(text).width;
  };
}
