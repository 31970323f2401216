-- AlterTable
ALTER TABLE "OrderLine" ADD COLUMN     "exchangeOptions" JSONB NOT NULL DEFAULT '[]';
