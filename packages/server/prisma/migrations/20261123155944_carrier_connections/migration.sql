-- AlterTable
ALTER TABLE "Shipment" ADD COLUMN     "carrierPollError" TEXT,
ADD COLUMN     "carrierPolledAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "CarrierConnection" (
    "id" UUID NOT NULL,
    "shopId" UUID NOT NULL,
    "carrier" TEXT NOT NULL,
    "apiKey" TEXT NOT NULL,
    "savedAt" TIMESTAMPTZ(3) NOT NULL,
    "lastPolledAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMPTZ(3),
    "credentialsRejectedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CarrierConnection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CarrierConnection_shopId_carrier_key" ON "CarrierConnection"("shopId", "carrier");

-- CreateIndex
CREATE INDEX "Shipment_shopId_carrier_carrierPolledAt_idx" ON "Shipment"("shopId", "carrier", "carrierPolledAt");

-- AddForeignKey
ALTER TABLE "CarrierConnection" ADD CONSTRAINT "CarrierConnection_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;
