/**
 * Gleditsch–Ward state numbers (used by UCDP/PRIO) → ISO 3166-1 alpha-2. A code table, not a name
 * resolver: UCDP identifies countries by these numbers, so no name matching is needed. Continuation
 * states take the current code (GW 260 "German Federal Republic" continues as unified Germany, 345
 * "Serbia (Yugoslavia)" → RS, 365 "Russia (Soviet Union)" → RU, 678 "Yemen (North Yemen)" → YE).
 * States that ended without a continuing state (GDR 265, Czechoslovakia 315, South Yemen 680,
 * South Vietnam 817, …) map to null: their rows keep the name and are stored as former states.
 */
const TABLE: Record<number, string | null> = {
  2: 'US', 20: 'CA', 31: 'BS', 40: 'CU', 41: 'HT', 42: 'DO', 51: 'JM', 52: 'TT', 53: 'BB', 54: 'DM', 55: 'GD',
  56: 'LC', 57: 'VC', 58: 'AG', 60: 'KN', 70: 'MX', 80: 'BZ', 90: 'GT', 91: 'HN', 92: 'SV', 93: 'NI', 94: 'CR',
  95: 'PA', 100: 'CO', 101: 'VE', 110: 'GY', 115: 'SR', 130: 'EC', 135: 'PE', 140: 'BR', 145: 'BO', 150: 'PY',
  155: 'CL', 160: 'AR', 165: 'UY', 200: 'GB', 205: 'IE', 210: 'NL', 211: 'BE', 212: 'LU', 220: 'FR', 221: 'MC',
  223: 'LI', 225: 'CH', 230: 'ES', 232: 'AD', 235: 'PT', 255: 'DE', 260: 'DE', 265: null, 290: 'PL', 305: 'AT',
  310: 'HU', 315: null, 316: 'CZ', 317: 'SK', 325: 'IT', 331: 'SM', 338: 'MT', 339: 'AL', 340: 'RS', 341: 'ME',
  343: 'MK', 344: 'HR', 345: 'RS', 346: 'BA', 347: 'XK', 349: 'SI', 350: 'GR', 352: 'CY', 355: 'BG', 359: 'MD',
  360: 'RO', 365: 'RU', 366: 'EE', 367: 'LV', 368: 'LT', 369: 'UA', 370: 'BY', 371: 'AM', 372: 'GE', 373: 'AZ',
  375: 'FI', 380: 'SE', 385: 'NO', 390: 'DK', 395: 'IS', 402: 'CV', 403: 'ST', 404: 'GW', 411: 'GQ', 420: 'GM',
  432: 'ML', 433: 'SN', 434: 'BJ', 435: 'MR', 436: 'NE', 437: 'CI', 438: 'GN', 439: 'BF', 450: 'LR', 451: 'SL',
  452: 'GH', 461: 'TG', 471: 'CM', 475: 'NG', 481: 'GA', 482: 'CF', 483: 'TD', 484: 'CG', 490: 'CD', 500: 'UG',
  501: 'KE', 510: 'TZ', 511: null, 516: 'BI', 517: 'RW', 520: 'SO', 522: 'DJ', 530: 'ET', 531: 'ER', 540: 'AO',
  541: 'MZ', 551: 'ZM', 552: 'ZW', 553: 'MW', 560: 'ZA', 565: 'NA', 570: 'LS', 571: 'BW', 572: 'SZ', 580: 'MG',
  581: 'KM', 590: 'MU', 591: 'SC', 600: 'MA', 615: 'DZ', 616: 'TN', 620: 'LY', 625: 'SD', 626: 'SS', 630: 'IR',
  640: 'TR', 645: 'IQ', 651: 'EG', 652: 'SY', 660: 'LB', 663: 'JO', 666: 'IL', 670: 'SA', 678: 'YE', 680: null,
  690: 'KW', 692: 'BH', 694: 'QA', 696: 'AE', 698: 'OM', 700: 'AF', 701: 'TM', 702: 'TJ', 703: 'KG', 704: 'UZ',
  705: 'KZ', 710: 'CN', 711: null, 712: 'MN', 713: 'TW', 730: null, 731: 'KP', 732: 'KR', 740: 'JP', 750: 'IN',
  751: null, 760: 'BT', 770: 'PK', 771: 'BD', 775: 'MM', 780: 'LK', 781: 'MV', 790: 'NP', 800: 'TH', 811: 'KH',
  812: 'LA', 816: 'VN', 817: null, 820: 'MY', 830: 'SG', 835: 'BN', 840: 'PH', 850: 'ID', 860: 'TL', 900: 'AU',
  910: 'PG', 920: 'NZ', 935: 'VU', 940: 'SB', 950: 'FJ', 970: 'KI', 971: 'NR', 972: 'TO', 973: 'TV', 983: 'MH',
  986: 'PW', 987: 'FM', 990: 'WS',
};

/** ISO alpha-2 for a GW number; null for former states without a successor code; undefined if unknown. */
export function gwToAlpha2(gw: number): string | null | undefined {
  return gw in TABLE ? TABLE[gw] : undefined;
}

/**
 * Correlates of War state numbers (Powell & Thyne, Cline Center) where they differ from Gleditsch–Ward:
 * unified Yemen (COW 679; GW continues 678), and the Pacific states numbered apart (COW 946 Kiribati,
 * 947 Tuvalu, 955 Tonga, 970 Nauru; GW 970 is Kiribati). GW-only numbers 971–973 are not COW codes.
 * Every other COW number names the same state as its GW number (the Cline file also uses 340 Serbia).
 */
const COW_DIFFERENCES: Record<number, string | null | undefined> = {
  679: 'YE', 946: 'KI', 947: 'TV', 955: 'TO', 970: 'NR', 971: undefined, 972: undefined, 973: undefined,
};

/** ISO alpha-2 for a COW number; null for former states without a successor code; undefined if unknown. */
export function cowToAlpha2(cow: number): string | null | undefined {
  return cow in COW_DIFFERENCES ? COW_DIFFERENCES[cow] : gwToAlpha2(cow);
}
