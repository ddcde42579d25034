/** An OA's current OAuth v4 pair. The refresh token is single use: refreshing spends it. */
export interface ZaloTokenPair {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the pair was issued. */
  issuedAt: number;
  /** Epoch ms when the access token stops working (issuedAt + expires_in). */
  accessTokenExpiresAt: number;
}
